package org.ambiseg.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.AnimatedGifWriter;
import org.ambiseg.io.ExportStamp;

/**
 * Writes an animation of frames over an image as a stamped animated GIF: frames rendered one at a
 * time by {@link FrameRenderer}, the stamp's text in the GIF comment, progress and cancellation
 * through a {@link ProgressMonitor} (a cancelled or failed write leaves no file).
 */
public final class GifExport {

  private GifExport() {}

  /**
   * Writes {@code target}.
   *
   * @throws java.util.concurrent.CancellationException when {@code monitor} was cancelled
   */
  public static void write(
      Path target,
      Image2D image,
      FrameSource frames,
      GifSettings settings,
      ExportStamp stamp,
      ProgressMonitor monitor)
      throws IOException {
    AnimatedGifWriter.write(
        target,
        frames.size(),
        i -> FrameRenderer.render(image, frames, i, settings, stamp),
        settings.delayCentiseconds(),
        settings.loopForever(),
        Optional.of(stamp.toText()),
        monitor);
  }
}

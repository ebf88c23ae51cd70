package org.ambiseg.app.export;

import java.io.IOException;
import java.nio.file.Path;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.ExportStamp;

/** The write behind the GIF dialog ({@link GifExport#write} in the app; tests may wrap it). */
@FunctionalInterface
interface GifWriteJob {

  /** Writes the GIF; see {@link GifExport#write}. */
  void write(
      Path target,
      Image2D image,
      FrameSource frames,
      GifSettings settings,
      ExportStamp stamp,
      ProgressMonitor monitor)
      throws IOException;
}

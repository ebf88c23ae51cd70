package org.ambiseg.app.export;

import static org.ambiseg.app.export.ExportFixtures.H;
import static org.ambiseg.app.export.ExportFixtures.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.ExportStamp;
import org.ambiseg.io.GifFrames;
import org.ambiseg.io.ImageMetadata;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.io.render.OverlayStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GIF export round trips: frames, loop, delay, stamp comment, size and rendered pixels. */
class GifExportTest {

  private static final int RED = 0xFF0000;

  @TempDir Path tmp;

  @Test
  void gifHasOneFramePerSampleLoopDelayStampAndScaledSize() throws IOException {
    Path gif = tmp.resolve("samples.gif");
    GifSettings settings = new GifSettings(5, true, OverlayLook.defaults(), true, 4, true);
    GifExport.write(
        gif,
        ExportFixtures.image(),
        FrameSource.samples(ExportFixtures.samples(4)),
        settings,
        ExportFixtures.stamp(4),
        ProgressMonitor.NONE);

    GifFrames g = GifFrames.read(gif);
    assertEquals(4, g.count(), "one frame per sample");
    assertEquals(W * 4, g.width());
    assertEquals(H * 4, g.height());
    assertEquals(List.of(20, 20, 20, 20), g.delays(), "1/5 s = 20/100 s");
    assertTrue(g.loopsForever());
    List<String> comments = ImageMetadata.gifComments(gif);
    assertEquals(1, comments.size());
    assertEquals(ExportFixtures.stamp(4), ExportStamp.fromText(comments.get(0)));
  }

  @Test
  void playOnceAndOddFrameRates() throws IOException {
    Path gif = tmp.resolve("once.gif");
    GifSettings settings = new GifSettings(3, false, OverlayLook.defaults(), false, 1, false);
    assertEquals(33, settings.delayCentiseconds(), "round(100 / 3)");
    GifExport.write(
        gif,
        ExportFixtures.image(),
        FrameSource.samples(ExportFixtures.samples(2)),
        settings,
        ExportFixtures.stamp(2),
        ProgressMonitor.NONE);
    GifFrames g = GifFrames.read(gif);
    assertEquals(List.of(33, 33), g.delays());
    assertNull(g.loopBlock());
    assertFalse(g.loopsForever());
    assertEquals(W, g.width());
    assertEquals(
        1, new GifSettings(100, true, OverlayLook.defaults(), true, 1, true).delayCentiseconds());
    assertThrows(
        IllegalArgumentException.class,
        () -> new GifSettings(4, true, OverlayLook.defaults(), true, 9, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GifSettings(0, true, OverlayLook.defaults(), true, 2, true));
  }

  @Test
  void framesShowEachSampleInTheChosenColourAndOpacity() throws IOException {
    // grey 51; red at opacity 0.5, filled: edge = 51 + floor((c - 51) / 2), inside = 51 +
    // floor((c - 51) / 4) per channel: edge (153, 25, 25), inside (102, 38, 38)
    OverlayLook look = new OverlayLook(OverlayStyle.FILL, RED, 0.5);
    GifSettings settings = new GifSettings(4, true, look, false, 2, false);
    Path gif = tmp.resolve("fill.gif");
    GifExport.write(
        gif,
        ExportFixtures.image(),
        FrameSource.samples(ExportFixtures.samples(3)),
        settings,
        ExportFixtures.stamp(3),
        ProgressMonitor.NONE);
    List<BufferedImage> frames = readFrames(gif);
    assertEquals(3, frames.size());
    for (int k = 0; k < 3; k++) {
      BufferedImage f = frames.get(k);
      // sample k's square covers source pixels x = k..k+2, y = 1..3, i.e. output x = 2k..2k+5
      assertEquals(0x333333, rgb(f, 0, 0), "frame " + k + " background");
      assertEquals(0x991919, rgb(f, 2 * k, 2), "frame " + k + " top-left outline pixel");
      assertEquals(0x662626, rgb(f, 2 * k + 2, 4), "frame " + k + " inside");
      assertEquals(0x333333, rgb(f, 2 * k + 6, 4), "frame " + k + " right of the square");
    }
  }

  @Test
  void rendererMatchesThePlainOverlayAtFullOpacityAndDrawsLabels() {
    GifSettings plain = new GifSettings(4, true, OverlayLook.defaults(), false, 3, false);
    FrameSource frames = FrameSource.samples(ExportFixtures.samples(2));
    BufferedImage f = FrameRenderer.render(ExportFixtures.image(), frames, 1, plain, null);
    assertEquals(0xFF000000 | OverlayLook.defaults().rgb(), f.getRGB(3, 3), "outline colour");
    assertEquals(0xFF333333, f.getRGB(6, 6), "outline only: inside stays grey");

    // a label box is dark (alpha 170 black over grey 51: 51 * 85 / 255 = 17) with white text
    GifSettings labelled = new GifSettings(4, true, OverlayLook.defaults(), true, 8, false);
    BufferedImage l = FrameRenderer.render(ExportFixtures.image(), frames, 1, labelled, null);
    assertEquals(0xFF111111, l.getRGB(1, 1), "label box corner");
    assertTrue(hasWhite(l, 0, 0, 40, 18), "label text");
  }

  @Test
  void latentSweepFramesAreLabelledSteps() {
    FrameSource sweep =
        FrameSource.sweep(
            W,
            H,
            List.of(ExportFixtures.square(0), ExportFixtures.square(1), ExportFixtures.square(2)));
    assertEquals(3, sweep.size());
    assertEquals("step 2/3", sweep.label(1));
    assertEquals("sample 4/4", FrameSource.samples(ExportFixtures.samples(4)).label(3));
    assertTrue(sweep.mask(2)[1 * W + 2]);
    assertFalse(sweep.mask(2)[1 * W + 1]);
    assertThrows(
        IllegalArgumentException.class, () -> FrameSource.sweep(W, H, List.of(new float[3])));
    assertThrows(
        IllegalArgumentException.class, () -> FrameSource.sweep(W, H, Collections.emptyList()));
  }

  private static boolean hasWhite(BufferedImage img, int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
          return true;
        }
      }
    }
    return false;
  }

  private static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xFFFFFF;
  }

  static List<BufferedImage> readFrames(Path gif) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      try {
        reader.setInput(in);
        int n = reader.getNumImages(true);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          out.add(reader.read(i));
        }
        return out;
      } finally {
        reader.dispose();
      }
    }
  }
}

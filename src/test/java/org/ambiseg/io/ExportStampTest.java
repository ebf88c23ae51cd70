package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ambiseg.core.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export stamp's text forms and its round trip through PNG tEXt chunks and GIF comments. */
class ExportStampTest {

  private static final Instant AT = Instant.parse("2026-11-23T12:30:45.678Z");

  @TempDir Path tmp;

  static ExportStamp stamp() {
    return ExportStamp.of("probunet-shapes", "Prob U-Net", 7, 16, "0.1.0", AT)
        .withLatent(new double[] {0.5, -1.25, 3.0e-4});
  }

  @Test
  void textFormIsKeyValueLinesAndParsesBack() {
    ExportStamp s = stamp();
    assertEquals(
        "Software: AmbiSeg 0.1.0\n"
            + "Creation Time: 2026-11-23T12:30:45Z\n"
            + "Model: probunet-shapes\n"
            + "Estimator: Prob U-Net\n"
            + "Seed: 7\n"
            + "Samples: 16\n"
            + "Latent z: 0.5, -1.25, 3.0E-4",
        s.toText());
    assertEquals(s, ExportStamp.fromText(s.toText()));
    assertEquals(s, ExportStamp.fromEntries(s.entries()));
    assertEquals(List.of(0.5, -1.25, 3.0e-4), s.latent().orElseThrow());
    ExportStamp noZ = ExportStamp.of("m", "e", -3, 1, "1.2", AT);
    assertFalse(noZ.entries().containsKey(ExportStamp.LATENT));
    assertEquals(noZ, ExportStamp.fromText(noZ.toText()));
    assertEquals(
        "probunet-shapes \u00b7 Prob U-Net \u00b7 seed 7 \u00b7 N=16 \u00b7 AmbiSeg 0.1.0"
            + " \u00b7 2026-11-23",
        s.caption());
  }

  @Test
  void parsingRefusesForeignOrIncompleteText() {
    assertThrows(IllegalArgumentException.class, () -> ExportStamp.fromText("Software: GIMP"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportStamp.fromEntries(Map.of(ExportStamp.SOFTWARE, "AmbiSeg 1")));
  }

  @Test
  void pngTextChunksRoundTrip() throws IOException {
    BufferedImage img = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
    img.setRGB(2, 1, 0x123456);
    Path png = tmp.resolve("view.png");
    PngWriter.writeWithText(png, img, stamp().entries());

    Map<String, String> text = ImageMetadata.pngText(png);
    assertEquals(stamp().entries(), text);
    assertEquals(stamp(), ExportStamp.fromEntries(text));
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(5, back.getWidth());
    assertEquals(0x123456, back.getRGB(2, 1) & 0xFFFFFF);
  }

  @Test
  void pngTextOutsideLatin1BecomesQuestionMarks() throws IOException {
    Path png = tmp.resolve("u.png");
    PngWriter.writeWithText(
        png, new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), Map.of("Model", "m\u4e2d\u00e9"));
    assertEquals(Map.of("Model", "m?\u00e9"), ImageMetadata.pngText(png));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PngWriter.writeWithText(
                png, new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), Map.of("", "x")));
  }

  @Test
  void gifCommentHoldsTheStamp() throws IOException {
    Path gif = tmp.resolve("s.gif");
    AnimatedGifWriter.write(
        gif,
        3,
        i -> new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB),
        20,
        true,
        Optional.of(stamp().toText()),
        ProgressMonitor.NONE);
    assertEquals(List.of(stamp().toText()), ImageMetadata.gifComments(gif));
    assertEquals(stamp(), ExportStamp.fromText(ImageMetadata.gifComments(gif).get(0)));
    GifFrames g = GifFrames.read(gif);
    assertEquals(3, g.count());
    assertTrue(g.loopsForever());
    assertEquals(List.of(20, 20, 20), g.delays());
  }

  @Test
  void cancelledGifLeavesNoFileAndKeepsAnOldOne() throws IOException {
    Path gif = tmp.resolve("c.gif");
    AtomicInteger written = new AtomicInteger();
    ProgressMonitor cancelAfterTwo =
        new ProgressMonitor() {
          @Override
          public void begin(String task, long totalWork) {}

          @Override
          public void worked(long units) {
            written.addAndGet((int) units);
          }

          @Override
          public boolean isCancelled() {
            return written.get() >= 2;
          }
        };
    assertThrows(
        CancellationException.class,
        () ->
            AnimatedGifWriter.write(
                gif,
                5,
                i -> new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB),
                10,
                true,
                Optional.empty(),
                cancelAfterTwo));
    assertEquals(2, written.get());
    assertFalse(Files.exists(gif));
    assertEquals(0, countFiles(), "no temporary file left");

    Files.writeString(gif, "old");
    written.set(0);
    assertThrows(
        CancellationException.class,
        () ->
            AnimatedGifWriter.write(
                gif,
                5,
                i -> new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB),
                10,
                true,
                Optional.empty(),
                cancelAfterTwo));
    assertEquals("old", Files.readString(gif));
    assertEquals(1, countFiles());
  }

  private long countFiles() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.count();
    }
  }
}

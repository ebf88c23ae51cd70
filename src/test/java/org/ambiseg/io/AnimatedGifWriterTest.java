package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifWriterTest {

  @TempDir Path tmp;

  private static List<BufferedImage> frames(int n) {
    List<BufferedImage> out = new ArrayList<>();
    int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00};
    for (int i = 0; i < n; i++) {
      BufferedImage f = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 6; y++) {
        for (int x = 0; x < 10; x++) {
          f.setRGB(x, y, x < 5 ? colours[i % 4] : 0xFFFFFF);
        }
      }
      out.add(f);
    }
    return out;
  }

  @Test
  void loopingGifReadsBackWithFramesDelayAndLoop() throws IOException {
    Path gif = tmp.resolve("a.gif");
    AnimatedGifWriter.write(gif, frames(3), 25, true);
    GifFrames g = GifFrames.read(gif);
    assertEquals(3, g.count());
    assertEquals(10, g.width());
    assertEquals(6, g.height());
    assertEquals(List.of(25, 25, 25), g.delays());
    assertTrue(g.loopsForever());
  }

  @Test
  void framesKeepTheirColours() throws IOException {
    Path gif = tmp.resolve("c.gif");
    AnimatedGifWriter.write(gif, frames(3), 10, true);
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertEquals(0x00FF00, reader.read(1).getRGB(0, 0) & 0xFFFFFF);
      assertEquals(0x0000FF, reader.read(2).getRGB(1, 1) & 0xFFFFFF);
      assertEquals(0xFFFFFF, reader.read(2).getRGB(9, 5) & 0xFFFFFF);
      reader.dispose();
    }
  }

  @Test
  void playOnceHasNoLoopExtension() throws IOException {
    Path gif = tmp.resolve("b.gif");
    AnimatedGifWriter.write(gif, frames(2), 50, false);
    GifFrames g = GifFrames.read(gif);
    assertEquals(2, g.count());
    assertEquals(List.of(50, 50), g.delays());
    assertNull(g.loopBlock());
    assertFalse(g.loopsForever());
  }

  @Test
  void refusesNoFramesMixedSizesAndBadDelays() {
    Path gif = tmp.resolve("x.gif");
    assertThrows(
        IllegalArgumentException.class, () -> AnimatedGifWriter.write(gif, List.of(), 10, true));
    List<BufferedImage> mixed = new ArrayList<>(frames(1));
    mixed.add(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB));
    assertThrows(
        IllegalArgumentException.class, () -> AnimatedGifWriter.write(gif, mixed, 10, true));
    assertThrows(
        IllegalArgumentException.class, () -> AnimatedGifWriter.write(gif, frames(1), 0, true));
    assertFalse(Files.exists(gif));
  }
}

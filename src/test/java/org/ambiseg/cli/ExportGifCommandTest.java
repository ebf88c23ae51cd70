package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import org.ambiseg.io.GifFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGifCommandTest {

  @TempDir Path tmp;

  @Test
  void writesOneLoopingFramePerSampleWithTheDelayOfTheFrameRate() throws IOException {
    Path model = TinyModels.save(tmp.resolve("model"));
    Path image = TinyModels.image(tmp.resolve("img.png"), 32, 32);
    Path gif = tmp.resolve("s.gif");
    TinyModels.Run r =
        TinyModels.run(
            "export-gif",
            "--model",
            model.toString(),
            "--image",
            image.toString(),
            "-n",
            "5",
            "--seed",
            "2",
            "--out",
            gif.toString(),
            "--fps",
            "4",
            "--scale",
            "2",
            "--style",
            "fill");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("5 frames"), r.out());
    GifFrames g = GifFrames.read(gif);
    assertEquals(5, g.count());
    assertEquals(64, g.width());
    assertEquals(64, g.height());
    assertEquals(Collections.nCopies(5, 25), g.delays());
    assertTrue(g.loopsForever());
  }

  @Test
  void delayIsAHundredDividedByFps() {
    assertEquals(25, ExportGifCommand.delayCentiseconds(4));
    assertEquals(10, ExportGifCommand.delayCentiseconds(10));
    assertEquals(33, ExportGifCommand.delayCentiseconds(3));
    assertEquals(1, ExportGifCommand.delayCentiseconds(100));
  }

  @Test
  void refusesAnUnknownStyle() throws IOException {
    TinyModels.Run r =
        TinyModels.run(
            "export-gif", "--model", "m", "--image", "i.png", "--out", "x.gif", "--style", "glow");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--style must be outline or fill"), r.err());
  }
}

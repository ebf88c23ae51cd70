package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeoutException;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Rendering of {@link Image2D} values to 8-bit screen pixels. */
class ImageRendererTest {

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void levelsRoundToNearest() {
    assertEquals(0, ImageRenderer.level(0f));
    assertEquals(255, ImageRenderer.level(1f));
    assertEquals(128, ImageRenderer.level(0.5f)); // 127.5 rounds up
    assertEquals(26, ImageRenderer.level(0.1f)); // 25.5 rounds up
  }

  @Test
  void greyImageHasEqualChannelsAndIsOpaque() {
    Image2D img = Image2D.grey(3, 2, new float[] {0f, 0.5f, 1f, 0.2f, 0.4f, 0.6f});
    WritableImage out = ImageRenderer.render(img);
    assertEquals(3, out.getWidth());
    assertEquals(2, out.getHeight());
    PixelReader px = out.getPixelReader();
    assertEquals(0xFF000000, px.getArgb(0, 0));
    assertEquals(0xFF808080, px.getArgb(1, 0));
    assertEquals(0xFFFFFFFF, px.getArgb(2, 0));
    assertEquals(0xFF333333, px.getArgb(0, 1)); // 0.2 * 255 = 51 = 0x33
    assertEquals(0xFF999999, px.getArgb(2, 1)); // 0.6 * 255 = 153 = 0x99
  }

  @Test
  void rgbImageKeepsChannelOrder() {
    // 2x1 RGB, channel-planar: R = {1, 0}, G = {0, 0.2}, B = {0, 1}
    Image2D img = Image2D.of(2, 1, 3, new float[] {1f, 0f, 0f, 0.2f, 0f, 1f});
    PixelReader px = ImageRenderer.render(img).getPixelReader();
    assertEquals(0xFFFF0000, px.getArgb(0, 0));
    assertEquals(0xFF0033FF, px.getArgb(1, 0));
  }
}

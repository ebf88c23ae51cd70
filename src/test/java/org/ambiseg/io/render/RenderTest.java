package org.ambiseg.io.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.Test;

class RenderTest {

  @Test
  void colourMapsHaveMatplotlibsEndsAndMiddle() {
    assertEquals(0xFF440154, ColorMap.VIRIDIS.argb(0));
    assertEquals(0xFF21918C, ColorMap.VIRIDIS.argb(128 / 255.0));
    assertEquals(0xFFFDE725, ColorMap.VIRIDIS.argb(1));
    assertEquals(0xFF000004, ColorMap.MAGMA.argb(0));
    assertEquals(0xFFFCFDBF, ColorMap.MAGMA.argb(1));
    assertEquals(0xFFFDE725, ColorMap.VIRIDIS.argb(7), "clamped");
    assertEquals(0xFF000000, ColorMap.GREY.argb(0));
    assertEquals(0xFF808080, ColorMap.GREY.argb(128 / 255.0));
    assertEquals(0xFFFFFFFF, ColorMap.GREY.argb(1));
    assertEquals("grey", ColorMap.GREY.id());
  }

  @Test
  void heatmapUsesTheFixedScale() {
    // on the scale [0, 0.25], 0.25 is the top colour and 0.125 the middle one
    BufferedImage img = ColorMap.VIRIDIS.render(new float[] {0f, 0.125f, 0.25f, 1f}, 2, 2, 0.25);
    assertEquals(0xFF440154, img.getRGB(0, 0));
    assertEquals(ColorMap.VIRIDIS.argb(0.5), img.getRGB(1, 0));
    assertEquals(0xFFFDE725, img.getRGB(0, 1));
    assertEquals(0xFFFDE725, img.getRGB(1, 1));
    assertEquals(128, ColorMap.index(0.125, 0.25));
  }

  @Test
  void outlineIsOnePixelThinAfterUpscaling() {
    // 3x3 image, mask = the centre pixel, upscaled x3: a 3x3 block whose 8 border pixels are the
    // outline and whose centre stays grey
    Image2D image = Image2D.grey(3, 3, new float[9]);
    boolean[] mask = new boolean[9];
    mask[4] = true;
    int c = OverlayRenderer.DEFAULT_COLOUR;
    BufferedImage out = OverlayRenderer.overlay(image, mask, 3, OverlayStyle.OUTLINE, c);
    assertEquals(9, out.getWidth());
    int outline = 0;
    for (int y = 0; y < 9; y++) {
      for (int x = 0; x < 9; x++) {
        if (out.getRGB(x, y) == c) {
          outline++;
        }
      }
    }
    assertEquals(8, outline);
    assertEquals(0xFF000000, out.getRGB(4, 4));
    BufferedImage filled = OverlayRenderer.overlay(image, mask, 3, OverlayStyle.FILL, c);
    int expected = 0xFF000000 | (0x39 / 2) << 16 | (0xFF / 2) << 8 | (0x14 / 2);
    assertEquals(expected, filled.getRGB(4, 4));
  }

  @Test
  void contactSheetGridSize() {
    BufferedImage tile = new BufferedImage(10, 20, BufferedImage.TYPE_INT_RGB);
    List<ContactSheet.Tile> tiles =
        List.of(
            new ContactSheet.Tile("a", tile),
            new ContactSheet.Tile("b", tile),
            new ContactSheet.Tile("c", tile));
    BufferedImage sheet = ContactSheet.render("t", tiles, 2);
    int gap = ContactSheet.GAP;
    assertEquals(gap + 2 * (10 + gap), sheet.getWidth());
    assertEquals(gap + Captions.height() + gap + 2 * (20 + gap), sheet.getHeight());
    assertEquals(2, ContactSheet.columnsFor(4));
    assertEquals(3, ContactSheet.columnsFor(5));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ContactSheet.render(
                "t",
                List.of(
                    new ContactSheet.Tile("a", tile),
                    new ContactSheet.Tile(
                        "b", new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB))),
                1));
  }
}

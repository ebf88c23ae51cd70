package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ambiseg.core.Image2D;
import org.ambiseg.io.DicomImage;
import org.ambiseg.io.DicomWindow;
import org.junit.jupiter.api.Test;

/**
 * The region selector without a window: a 300 x 200 DICOM whose column x holds -1000 + 10 x HU, so
 * every window's output can be computed by hand.
 */
class RoiSelectorTest {

  private static float hu(int x) {
    return -1000 + 10 * x;
  }

  private static DicomImage ct() {
    float[] v = new float[300 * 200];
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        v[y * 300 + x] = hu(x);
      }
    }
    return DicomImage.of(300, 200, v, null, DicomWindow.SOFT_TISSUE);
  }

  @Test
  void dicomCropUsesTheModelWindowWhateverTheDisplay() {
    RoiSelector s = new RoiSelector(128);
    s.setDicom(ct());
    assertTrue(s.dicomProperty().get());
    assertEquals(new Roi(86, 36, 128, 128), s.roiProperty().get()); // 150 - 64, 100 - 64
    Image2D crop = s.croppedProperty().get();
    assertEquals(128, crop.width());
    // model window -1000..+1000: column 86 is -140 HU -> 860 / 2000
    assertEquals(0.43f, crop.value(0, 0, 0), 1e-6f);
    assertEquals(0.53f, crop.value(20, 7, 0), 1e-6f); // column 106: +60 HU
    assertEquals(1f, crop.value(127, 127, 0), 0f); // column 213: +1130 HU, clipped

    s.windowLevel().apply(WindowPreset.MEDIASTINUM);
    assertSame(crop, s.croppedProperty().get(), "re-windowing the display leaves the crop alone");

    s.modelWindowProperty().set(DicomWindow.LUNG);
    // lung window -1350..150: column 86 (-140 HU) -> 1210 / 1500
    assertEquals(1210 / 1500f, s.croppedProperty().get().value(0, 0, 0), 1e-6f);
  }

  @Test
  void displayFollowsPresetsAndFreeSliders() {
    RoiSelector s = new RoiSelector(128);
    s.setDicom(ct());
    Image2D lung = s.displayImageProperty().get();
    assertEquals(300, lung.width(), "the whole image is shown");
    assertEquals(0.5f, lung.value(40, 3, 0), 1e-6f); // -600 HU is the lung level
    assertEquals(350 / 1500f, lung.value(0, 3, 0), 1e-6f); // -1000 HU
    assertEquals(1f, lung.value(115, 3, 0), 0f); // +150 HU: top of the lung window

    s.windowLevel().apply(WindowPreset.MEDIASTINUM); // 40 / 400: -160..240 HU
    Image2D soft = s.displayImageProperty().get();
    assertEquals(0.5f, soft.value(104, 0, 0), 1e-6f); // +40 HU
    assertEquals(0.4f, soft.value(100, 0, 0), 1e-6f); // 0 HU -> 160 / 400
    assertEquals(0f, soft.value(84, 0, 0), 0f); // -160 HU
    assertEquals(1f, soft.value(124, 0, 0), 0f); // +240 HU

    s.windowLevel().levelProperty().set(-500);
    s.windowLevel().widthProperty().set(1000); // -1000..0 HU
    Image2D free = s.displayImageProperty().get();
    assertEquals(0f, free.value(0, 0, 0), 0f);
    assertEquals(0.5f, free.value(50, 0, 0), 1e-6f); // -500 HU
    assertEquals(0.75f, free.value(75, 0, 0), 1e-6f); // -250 HU

    s.windowLevel().widthProperty().set(0);
    assertEquals(
        new DicomWindow(-500, WindowLevel.MIN_WIDTH), s.windowLevel().windowProperty().get());
  }

  @Test
  void regionFollowsTheUserAndStaysInside() {
    RoiSelector s = new RoiSelector(128);
    s.setDicom(ct());
    s.centreAt(299, 199);
    assertEquals(new Roi(172, 72, 128, 128), s.roiProperty().get()); // clamped to 300 - 128
    s.centreAt(100, 100);
    assertEquals(new Roi(36, 36, 128, 128), s.roiProperty().get());
    // column 36: -640 HU -> 360 / 2000
    assertEquals(0.18f, s.croppedProperty().get().value(0, 0, 0), 1e-6f);
    s.setSize(64);
    assertEquals(new Roi(68, 68, 64, 64), s.roiProperty().get(), "re-centred on 100, 100");
    assertEquals(64, s.croppedProperty().get().width());
  }

  @Test
  void smallPlainImagePassesWhole() {
    Image2D small = Image2D.grey(100, 80, new float[100 * 80]);
    RoiSelector s = new RoiSelector(128);
    s.setImage(small);
    assertFalse(s.dicomProperty().get());
    assertEquals(new Roi(0, 0, 100, 80), s.roiProperty().get());
    assertSame(small, s.croppedProperty().get());
    s.clear();
    assertNull(s.croppedProperty().get());
    assertNull(s.roiProperty().get());
  }
}

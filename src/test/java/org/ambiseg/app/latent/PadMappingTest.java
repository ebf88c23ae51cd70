package org.ambiseg.app.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pad positions and latent offsets, checked by hand on a 120-pixel pad with range 3. */
class PadMappingTest {

  @Test
  void cornersCentreAndClamping() {
    assertEquals(-3, PadMapping.offsetFromX(0, 120, 3), 1e-12);
    assertEquals(0, PadMapping.offsetFromX(60, 120, 3), 1e-12);
    assertEquals(1.5, PadMapping.offsetFromX(90, 120, 3), 1e-12);
    assertEquals(3, PadMapping.offsetFromX(500, 120, 3), 1e-12);
    assertEquals(3, PadMapping.offsetFromY(0, 120, 3), 1e-12, "top is positive");
    assertEquals(-1.5, PadMapping.offsetFromY(90, 120, 3), 1e-12);
    assertEquals(-3, PadMapping.offsetFromY(-20 + 160, 120, 3), 1e-12);
    assertEquals(90, PadMapping.xFromOffset(1.5, 120, 3), 1e-12);
    assertEquals(30, PadMapping.yFromOffset(1.5, 120, 3), 1e-12);
    assertEquals(120, PadMapping.xFromOffset(7, 120, 3), 1e-12);
  }
}

package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumDatasetTest {

  @TempDir Path dir;

  private void writeCase(String id, int k) throws IOException {
    DatasetFixtures.write(
        dir.resolve("images/" + id + ".png"), DatasetFixtures.greyPng(3, 2, (x, y) -> x + k));
    DatasetFixtures.write(
        dir.resolve("masks/" + id + "/r.png"), DatasetFixtures.maskPng(3, 2, (x, y) -> y == 0));
  }

  @Test
  void caseCrcCoversSizesPixelBitsAndMaskBytes() {
    Image2D img = Image2D.grey(2, 1, new float[] {0.5f, 1f});
    LabelMask m = LabelMask.binary(2, 1, new boolean[] {true, false});
    CRC32 expected = new CRC32();
    expected.update(
        ByteBuffer.allocate(20)
            .putInt(2)
            .putInt(1)
            .putInt(1)
            .putInt(0x3f000000) // 0.5f
            .putInt(0x3f800000) // 1.0f
            .array());
    expected.update(ByteBuffer.allocate(8).putInt(2).putInt(1).array());
    expected.update(new byte[] {1, 0});
    assertEquals(expected.getValue(), DatasetChecksum.caseCrc(Case.of("c", img, List.of(m))));
  }

  @Test
  void checksumDoesNotDependOnThreadsButOnPixels() throws Exception {
    for (int k = 0; k < 7; k++) {
      writeCase("c" + k, k);
    }
    try (Dataset ds = DatasetReaders.open(dir, true)) {
      DatasetChecksum.Result one = DatasetChecksum.compute(ds, 1, ProgressMonitor.NONE);
      DatasetChecksum.Result two = DatasetChecksum.compute(ds, 2, ProgressMonitor.NONE);
      assertEquals(7, one.cases());
      assertEquals(7, one.patients());
      assertEquals(List.of(), one.failures());
      assertEquals(one.checksum(), two.checksum());
      CRC32 overCases = new CRC32();
      for (int i = 0; i < ds.size(); i++) {
        overCases.update(
            ByteBuffer.allocate(4).putInt((int) DatasetChecksum.caseCrc(ds.load(i))).array());
      }
      assertEquals(overCases.getValue(), one.checksum());
      writeCase("c3", 100);
      DatasetChecksum.Result changed = DatasetChecksum.compute(ds, 2, ProgressMonitor.NONE);
      assertNotEquals(one.checksum(), changed.checksum());
    }
  }
}

package org.ambiseg.app.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.FolderLayoutDataset;
import org.ambiseg.io.PngWriter;
import org.ambiseg.io.synth.SplitFractions;
import org.ambiseg.io.synth.SynthDatasetWriter;
import org.ambiseg.io.synth.SynthSettings;

/** Small datasets generated in code for the case-browser tests. */
final class CaseFixtures {

  /** Side of the generated images. */
  static final int SIZE = 32;

  private CaseFixtures() {}

  /** A folder dataset of {@code cases} synthetic 32x32 cases with four raters each. */
  static Path synthFolder(Path tmp, int cases) throws IOException {
    Path out = tmp.resolve("synth");
    SynthDatasetWriter.write(
        out, new SynthSettings(cases, SIZE, 7, new SplitFractions(1, 0, 0)), ProgressMonitor.NONE);
    return out.resolve("train");
  }

  /** The rater mask file {@code rN.png} of a case. */
  static Path raterFile(Path dataset, String caseId, int rater) {
    return dataset.resolve(FolderLayoutDataset.MASKS).resolve(caseId).resolve("r" + rater + ".png");
  }

  /** Replaces a rater's mask with an empty one: that rater outlined nothing. */
  static void blankRater(Path dataset, String caseId, int rater) throws IOException {
    PngWriter.writeMask(raterFile(dataset, caseId, rater), LabelMask.empty(SIZE, SIZE));
  }

  /** Replaces a case's image with a text file: it cannot be decoded. */
  static Path corruptImage(Path dataset, String caseId) throws IOException {
    Path image = dataset.resolve(FolderLayoutDataset.IMAGES).resolve(caseId + ".png");
    Files.writeString(image, "not a png\n", StandardCharsets.UTF_8);
    return image;
  }
}

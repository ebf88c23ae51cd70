package org.ambiseg.io.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a generated dataset as train/, val/ and test/ folders, each in the AmbiSeg folder layout:
 * {@code images/<id>.png}, {@code masks/<id>/r0.png..r3.png}, {@code truth.json} and {@code
 * truth/<id>/<interpretation>.png}. Cases are split by index in order (train first); they are
 * independent, so no patient leaks across splits.
 */
public final class SynthDatasetWriter {

  /** The split folder names, in the order cases are assigned to them. */
  public static final List<String> SPLITS = List.of("train", "val", "test");

  private static final Logger LOG = LoggerFactory.getLogger(SynthDatasetWriter.class);

  private SynthDatasetWriter() {}

  /**
   * Generates the cases {@code settings} asks for into {@code out}; returns the number of cases in
   * each split (train, val, test).
   */
  public static int[] write(Path out, SynthSettings settings, ProgressMonitor monitor)
      throws IOException {
    SynthCaseGenerator generator = new SynthCaseGenerator(settings.size(), settings.seed());
    int[] counts = settings.split().counts(settings.cases());
    monitor.begin("generating " + settings.cases() + " synthetic cases", settings.cases());
    int index = 0;
    for (int s = 0; s < SPLITS.size(); s++) {
      Path dir = out.resolve(SPLITS.get(s));
      Map<String, List<Interpretation>> truth = new LinkedHashMap<>();
      Map<String, LesionParameters> params = new LinkedHashMap<>();
      for (int k = 0; k < counts[s]; k++, index++) {
        if (monitor.isCancelled()) {
          throw new IOException("cancelled after " + index + " cases");
        }
        SynthCase c = generator.generate(index);
        writeCase(dir, c);
        truth.put(c.id(), c.truth());
        params.put(c.id(), c.parameters());
        monitor.worked(1);
      }
      SynthTruthJson.write(dir, new SynthTruth(truth, params, Optional.of(settings)));
      LOG.info("wrote {} cases to {}", counts[s], dir);
    }
    return counts;
  }

  /** Writes one case's image and rater masks into a dataset folder. */
  static void writeCase(Path dir, SynthCase c) throws IOException {
    GreyPng.writeImage(c.image(), dir.resolve("images").resolve(c.id() + ".png"));
    for (int r = 0; r < c.raters().size(); r++) {
      GreyPng.writeMask(
          c.raters().get(r), dir.resolve("masks").resolve(c.id()).resolve("r" + r + ".png"));
    }
  }
}

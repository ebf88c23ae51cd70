package org.ambiseg.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.MapSummary;
import org.ambiseg.estimate.Mode;
import org.ambiseg.estimate.ModeClustering;
import org.ambiseg.estimate.Modes;
import org.ambiseg.estimate.UncertaintyMaps;
import org.ambiseg.io.AtomicFiles;
import org.ambiseg.io.PngWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ambiseg sample}: draws N samples for one image with a model and writes them to a folder.
 *
 * <p>Output folder:
 *
 * <ul>
 *   <li>{@code sample-00.png ..}: each sample's hard mask (probability &ge; --threshold) as 0/255
 *   <li>{@code prob-00.png ..} (with --probabilities): each sample's foreground probability as
 *       16-bit grey, g / 65535 = p
 *   <li>{@code mean.png, variance.png} (viridis) and {@code entropy.png} (predictive entropy),
 *       {@code mi.png} (mutual information) (magma): heatmaps on each map's fixed scale [0, upper
 *       bound]; the same values as 16-bit grey in {@code mean16.png, variance16.png, entropy16.png,
 *       mi16.png}, g / 65535 &middot; upper bound = value (bounds: 1, 1/4, ln 2, ln 2)
 *   <li>{@code modes.json}: the distinct interpretations among the hard masks (weights, members,
 *       representative)
 *   <li>{@code contact-sheet.png}: image, outlined samples and mean heatmap on one picture
 *   <li>{@code samples.json}: model, estimator, seed, N, image, threshold, the training-domain
 *       warnings (also printed to stderr) and the files written
 * </ul>
 *
 * Files are written atomically; files of an earlier, larger run in the same folder are not removed.
 *
 * <p>With {@code --data} instead of {@code --image}, every case of a dataset is sampled (case i
 * with seed {@code seed + i}) into {@code out/<case id>/} on {@code --workers} threads, each case
 * recorded in {@code out/cases.jsonl} when its folder is complete; {@code --resume} skips the cases
 * already recorded (see {@link SampleBatch}).
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description =
        "Draw N samples for one image and write masks, heatmaps, modes and a contact sheet.")
public final class SampleCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "model folder")
  Path model;

  @Option(names = "--image", description = "image file (PNG, JPEG, TIFF, DICOM...)")
  Path image;

  @Option(
      names = "--data",
      description =
          "a whole dataset instead of --image: one folder per case in --out (case ids with '/'"
              + " nested) and --out/cases.jsonl, one line per finished case")
  Path data;

  @Option(names = "--limit", description = "with --data: only the first N cases (sorted by id)")
  Integer limit;

  @Option(
      names = "--workers",
      defaultValue = "1",
      description = "with --data: cases sampled at once, each with its own model (default 1)")
  int workers;

  @Option(
      names = "--resume",
      description = "with --data: continue the run in --out, skipping cases already done")
  boolean resume;

  @Option(
      names = {"-n", "--samples"},
      defaultValue = "16",
      description = "number of samples (default ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      description = "probability at which a pixel is foreground (default ${DEFAULT-VALUE})")
  float threshold;

  @Option(names = "--probabilities", description = "also write prob-NN.png probability maps")
  boolean probabilities;

  @Option(
      names = "--estimator",
      defaultValue = "default",
      description =
          "default (the model's own) or tta (test-time augmentation of a unet or mcdropout model)")
  String estimatorKind;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Spec CommandSpec spec;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    if (!(threshold > 0f && threshold <= 1f)) {
      throw new CommandLine.ParameterException(
          cl, "--threshold must be in (0, 1], got " + threshold);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new BadInputException(out, "exists and is not a folder");
    }
    if ((image == null) == (data == null)) {
      throw new CommandLine.ParameterException(cl, "give either --image or --data");
    }
    if (data != null) {
      return new SampleBatch(this).run(cl.getErr());
    }
    SampledImage run = SampledImage.draw(model, estimatorKind, image, samples, seed);
    JsonObject summary = write(out, run, cl.getErr());
    cl.getOut()
        .printf(
            "%d samples of %s (%s, seed %d) written to %s; %s%n",
            summary.get("n").getAsInt(),
            image,
            run.estimator(),
            seed,
            out,
            summary.get("modes").getAsString());
    cl.getOut().flush();
    return 0;
  }

  /**
   * Writes the files of one sampled image into {@code folder} (see the class comment) and returns
   * the content of its samples.json; warnings go to {@code err}.
   */
  JsonObject write(Path folder, SampledImage run, PrintWriter err) throws IOException {
    for (String w : run.warnings()) {
      err.println("warning: " + w);
    }
    Files.createDirectories(folder);
    int n = run.samples().size();
    int w = run.image().width();
    int h = run.image().height();
    long runSeed = run.samples().seed();

    JsonArray maskFiles = new JsonArray();
    JsonArray probFiles = new JsonArray();
    List<LabelMask> masks = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      LabelMask mask = LabelMask.binary(w, h, run.mask(k, threshold));
      masks.add(mask);
      String name = SampleFiles.name("sample", k, n);
      PngWriter.writeMask(folder.resolve(name), mask);
      maskFiles.add(name);
      if (probabilities) {
        String prob = SampleFiles.name("prob", k, n);
        PngWriter.writeImage16(
            folder.resolve(prob), Image2D.grey(w, h, run.samples().probability(k)));
        probFiles.add(prob);
      }
    }

    UncertaintyMaps maps = UncertaintyMaps.of(run.samples());
    JsonObject mapsJson = new JsonObject();
    for (UncertaintyImages.Entry e : UncertaintyImages.ENTRIES) {
      UncertaintyImages.write(folder, maps, e);
      mapsJson.add(e.stem(), mapJson(e, maps.summary(e.kind())));
    }

    SampleSet hard = SampleSet.ofMasks(masks, run.estimator(), run.samples().seed());
    // an estimator's own groups (MoSE's experts) are the modes; other sets are clustered
    Modes modes =
        ModeClustering.withDefaults()
            .modesOf(run.samples().groups().map(hard::withGroups).orElse(hard));
    AtomicFiles.writeString(folder.resolve("modes.json"), GSON.toJson(modesJson(modes, n)) + "\n");

    BufferedImage sheet = SampleSheet.render(run, maps, threshold);
    PngWriter.writeArgb(
        folder.resolve("contact-sheet.png"),
        sheet.getWidth(),
        sheet.getHeight(),
        sheet.getRGB(0, 0, sheet.getWidth(), sheet.getHeight(), null, 0, sheet.getWidth()));

    JsonObject summary = new JsonObject();
    summary.addProperty("model", model.toString());
    summary.addProperty("model_name", run.info().name());
    summary.addProperty("estimator", run.estimator());
    summary.addProperty("seed", runSeed);
    summary.addProperty("n", n);
    summary.addProperty("threshold", threshold);
    summary.addProperty("image", run.imageFile().toString());
    summary.addProperty("width", w);
    summary.addProperty("height", h);
    JsonArray warnings = new JsonArray();
    run.warnings().forEach(warnings::add);
    summary.add("warnings", warnings);
    summary.addProperty("modes", modes.describe());
    summary.add("samples", maskFiles);
    if (probabilities) {
      summary.add("probabilities", probFiles);
    }
    summary.add("maps", mapsJson);
    summary.addProperty("contact_sheet", "contact-sheet.png");
    AtomicFiles.writeString(folder.resolve("samples.json"), GSON.toJson(summary) + "\n");
    return summary;
  }

  private static JsonObject mapJson(UncertaintyImages.Entry e, MapSummary s) {
    JsonObject o = new JsonObject();
    o.addProperty("label", e.kind().label());
    o.addProperty("heatmap", e.stem() + ".png");
    o.addProperty("values16", e.stem() + "16.png");
    o.addProperty("colormap", e.colors().id());
    o.addProperty("upper_bound", e.kind().upperBound());
    o.addProperty("min", s.min());
    o.addProperty("max", s.max());
    o.addProperty("mean", s.mean());
    return o;
  }

  /** modes.json: weights, members and representative of each mode, heaviest first. */
  static JsonObject modesJson(Modes modes, int n) {
    JsonObject o = new JsonObject();
    o.addProperty("sample_count", modes.sampleCount());
    o.addProperty("grouping", modes.noun());
    if (Double.isFinite(modes.threshold())) {
      o.addProperty("distance_threshold", modes.threshold());
    }
    o.addProperty("description", modes.describe());
    JsonArray list = new JsonArray();
    for (int i = 0; i < modes.size(); i++) {
      Mode m = modes.get(i);
      JsonObject j = new JsonObject();
      j.addProperty("name", modes.name(i));
      j.addProperty("weight", m.weight());
      JsonArray members = new JsonArray();
      m.members().forEach(members::add);
      j.add("members", members);
      j.addProperty("representative", m.representative());
      j.addProperty("representative_file", SampleFiles.name("sample", m.representative(), n));
      list.add(j);
    }
    o.add("modes", list);
    return o;
  }
}

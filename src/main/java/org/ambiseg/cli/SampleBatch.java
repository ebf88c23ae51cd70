package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ambiseg.core.BadInputException;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;

/**
 * {@code ambiseg sample --data}: samples every case of a dataset into {@code out/<case id>/} (the
 * files of a single {@code sample} run) on a bounded pool of workers with one estimator each. A
 * case is appended to {@code out/cases.jsonl} only after its folder is complete, so after a kill
 * {@code --resume} skips exactly the finished cases (a half-written folder is simply written
 * again).
 */
final class SampleBatch {

  private static final double PROGRESS_SECONDS = 10;

  private final SampleCommand options;

  SampleBatch(SampleCommand options) {
    this.options = options;
  }

  /** Runs the batch; progress and warnings go to {@code err}. Returns the exit code. */
  int run(PrintWriter err) throws Exception {
    if (options.samples < 1) {
      throw new BadInputException("-n", "needs at least 1 sample, got " + options.samples);
    }
    if (options.workers < 1) {
      throw new BadInputException("--workers", "needs at least 1 worker, got " + options.workers);
    }
    BatchRunner.limitEngineThreads(options.workers);
    ModelInfo info = ModelStore.readInfo(options.model);
    try (Dataset dataset = DatasetReaders.open(options.data);
        ResultsLog log = ResultsLog.open(options.out, options.resume)) {
      int n = options.limit == null ? dataset.size() : Math.min(options.limit, dataset.size());
      List<Integer> todo = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!log.done().containsKey(i)) {
          todo.add(i);
        }
      }
      int already = n - todo.size();
      if (already > 0) {
        err.printf("resuming %s: %d of %d cases already done%n", options.out, already, n);
      }
      PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
      BatchRunner<Estimator> runner =
          new BatchRunner<>(
              options.workers,
              () -> Estimators.open(options.model, options.estimatorKind),
              (estimator, i, c) -> {
                long seed = options.seed + i;
                Path source = Path.of(dataset.name(), c.id());
                SampledImage sampled =
                    SampledImage.of(estimator, info, source, c.image(), options.samples, seed);
                Path folder = options.out.resolve(c.id());
                JsonObject summary = options.write(folder, sampled, quiet);
                JsonObject row = new JsonObject();
                row.addProperty("index", i);
                row.addProperty("id", c.id());
                row.addProperty("seed", seed);
                row.addProperty("folder", options.out.relativize(folder).toString());
                row.addProperty("modes", summary.get("modes").getAsString());
                row.add("warnings", summary.get("warnings"));
                return row;
              },
              new PrintStream(new WriterOutputStream(err), true),
              PROGRESS_SECONDS);
      BatchRunner.Stats stats = runner.run(dataset, todo, log::append);
      err.printf(
          Locale.ROOT,
          "%d cases sampled (N = %d) into %s in %.1f s, %.2f cases/s; %d resumed, %d unreadable,"
              + " %d workers%n",
          stats.computed(),
          options.samples,
          options.out,
          stats.seconds(),
          stats.casesPerSecond(),
          already,
          stats.unreadable(),
          options.workers);
      err.flush();
      return 0;
    }
  }

  /** Bytes to a PrintWriter (the picocli error stream), for the runner's progress lines. */
  private static final class WriterOutputStream extends OutputStream {
    private final PrintWriter out;

    WriterOutputStream(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      out.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      out.flush();
    }
  }
}

package org.ambiseg.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.ProgressMonitor;

/**
 * Decodes and validates every case of a dataset (on several threads) and fingerprints the decoded
 * pixels, to check a reader end to end and time it.
 *
 * <p>Checksum: for each case a CRC32 over the image size and channel count (big-endian ints), the
 * IEEE-754 bits of every image value (big-endian, channel-planar), then for each rater the mask
 * size and its label bytes; the dataset checksum is a CRC32 over the per-case CRC values (as
 * big-endian ints) in case order, so it does not depend on the thread count. Cases that fail to
 * load are skipped and listed.
 *
 * <p>Run by hand: {@code java -cp ... org.ambiseg.io.DatasetChecksum <dataset> [threads]}.
 */
public final class DatasetChecksum {

  /**
   * What a full pass found.
   *
   * @param cases cases decoded without error
   * @param patients distinct patient ids among them (cases without one count as their own)
   * @param checksum the dataset checksum described in the class comment
   * @param failures one line per case that failed to load, naming the file
   * @param seconds wall-clock time of the pass
   */
  public record Result(
      int cases, int patients, long checksum, List<String> failures, double seconds) {

    /** The checksum as 8 hex digits. */
    public String checksumHex() {
      return String.format(Locale.ROOT, "%08x", checksum);
    }
  }

  private DatasetChecksum() {}

  /** Loads every case on {@code threads} threads; stops early (partial result) when cancelled. */
  public static Result compute(Dataset dataset, int threads, ProgressMonitor progress)
      throws InterruptedException {
    long start = System.nanoTime();
    int n = dataset.size();
    long[] crcs = new long[n];
    String[] errors = new String[n];
    String[] groups = new String[n];
    AtomicInteger next = new AtomicInteger();
    progress.begin("Checking " + dataset.name(), n);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemonThreads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < Math.max(1, threads); t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < n && !progress.isCancelled();
                      i = next.getAndIncrement()) {
                    try {
                      Case c = dataset.load(i);
                      crcs[i] = caseCrc(c);
                      groups[i] = c.groupId();
                    } catch (BadInputException e) {
                      errors[i] = e.getMessage();
                    }
                    progress.worked(1);
                  }
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("checksum worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    CRC32 total = new CRC32();
    ByteBuffer four = ByteBuffer.allocate(4);
    List<String> failures = new ArrayList<>();
    Set<String> patients = new HashSet<>();
    int ok = 0;
    for (int i = 0; i < n; i++) {
      if (errors[i] != null) {
        failures.add(errors[i]);
      } else if (groups[i] != null) {
        ok++;
        patients.add(groups[i]);
        four.clear();
        four.putInt((int) crcs[i]);
        total.update(four.array());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(ok, patients.size(), total.getValue(), List.copyOf(failures), seconds);
  }

  /** The CRC32 of one decoded case, as described in the class comment. */
  public static long caseCrc(Case c) {
    CRC32 crc = new CRC32();
    Image2D img = c.image();
    float[] px = new float[img.width() * img.height() * img.channels()];
    img.copyPixelsTo(px, 0);
    ByteBuffer b = ByteBuffer.allocate(12 + 4 * px.length);
    b.putInt(img.width()).putInt(img.height()).putInt(img.channels());
    for (float v : px) {
      b.putInt(Float.floatToIntBits(v));
    }
    crc.update(b.array());
    for (LabelMask m : c.raters()) {
      ByteBuffer size = ByteBuffer.allocate(8).putInt(m.width()).putInt(m.height());
      crc.update(size.array());
      crc.update(m.labels());
    }
    return crc.getValue();
  }

  /** Prints cases, patients, checksum and seconds for one dataset. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: DatasetChecksum <dataset path> [threads]");
      System.exit(2);
    }
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    long start = System.nanoTime();
    try (Dataset ds = DatasetReaders.open(Path.of(args[0]))) {
      double indexSeconds = (System.nanoTime() - start) / 1e9;
      Result r = compute(ds, threads, ProgressMonitor.NONE);
      System.out.printf(
          Locale.ROOT,
          "%s (%s): %d cases, %d patients, checksum %s, %d failed, %d indexing problems;"
              + " index %.2f s + decode %.2f s = %.2f s on %d threads%n",
          ds.name(),
          ds.format(),
          r.cases(),
          r.patients(),
          r.checksumHex(),
          r.failures().size(),
          ds.problems().size(),
          indexSeconds,
          r.seconds(),
          indexSeconds + r.seconds(),
          threads);
      r.failures().stream().limit(10).forEach(System.out::println);
      ds.problems().stream().limit(10).forEach(System.out::println);
    } catch (BadInputException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "dataset-checksum-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

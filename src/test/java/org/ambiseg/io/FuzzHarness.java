package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ambiseg.core.BadInputException;

/**
 * A small seeded mutation fuzzer for the readers: mutates valid seed files (bit flips, random and
 * boundary bytes, huge 32-bit values, truncation, inserted, deleted and repeated runs) and feeds
 * each result to a reader. The only outcomes allowed are a result or a {@link BadInputException}
 * with a one-line message; anything else (another exception, an error such as OutOfMemoryError, or
 * a read taking longer than the per-input timeout) fails the test, saving the input for replay.
 */
public final class FuzzHarness implements AutoCloseable {

  /** A reader under test. */
  public interface Target {
    /** Reads one input; returns anything on success. */
    void read(byte[] bytes) throws BadInputException, IOException;
  }

  /** What happened to the inputs of one run. */
  public record Outcome(String reader, int inputs, int accepted, int refused) {
    @Override
    public String toString() {
      return reader + ": " + inputs + " inputs, " + accepted + " read, " + refused + " refused";
    }
  }

  private static final int[] BOUNDARY = {0x00, 0x01, 0x7F, 0x80, 0xFF};
  private static final int[] HUGE = {0x7FFFFFFF, 0xFFFFFFFF, 0x80000000, 0x00010000, 0};

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
          });
  private final Path crashDir;
  private final long timeoutSeconds;

  /** A harness saving failing inputs in {@code crashDir}, with a per-input timeout. */
  public FuzzHarness(Path crashDir, long timeoutSeconds) {
    this.crashDir = crashDir;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Runs {@code count} mutations of the seeds (chosen in turn) through {@code target}. */
  public Outcome run(String reader, List<byte[]> seeds, Target target, int count, long seed) {
    return run(reader, seeds, target, count, seed, bytes -> bytes);
  }

  /**
   * Like {@link #run(String, List, Target, int, long)}, with {@code fixUp} applied after mutating
   * (e.g. recomputing a checksum so the mutation reaches the parser behind it).
   */
  public Outcome run(
      String reader,
      List<byte[]> seeds,
      Target target,
      int count,
      long seed,
      java.util.function.UnaryOperator<byte[]> fixUp) {
    SplittableRandom random = new SplittableRandom(seed);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < count; i++) {
      byte[] input = fixUp.apply(mutate(seeds.get(i % seeds.size()), random));
      Future<Boolean> result = worker.submit(() -> readOnce(target, input));
      try {
        if (result.get(timeoutSeconds, TimeUnit.SECONDS)) {
          accepted++;
        } else {
          refused++;
        }
      } catch (TimeoutException e) {
        result.cancel(true);
        fail(
            reader
                + " input "
                + i
                + " took over "
                + timeoutSeconds
                + " s: "
                + save(reader, i, input));
      } catch (ExecutionException e) {
        throw new AssertionError(
            reader + " input " + i + " threw " + e.getCause() + ": " + save(reader, i, input),
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return new Outcome(reader, count, accepted, refused);
  }

  private static boolean readOnce(Target target, byte[] input) throws IOException {
    try {
      target.read(input);
      return true;
    } catch (BadInputException e) {
      assertFalse(e.getMessage().contains("\n"), "multi-line message: " + e.getMessage());
      return false;
    }
  }

  /** One to three random mutations of {@code seed}. */
  static byte[] mutate(byte[] seed, SplittableRandom random) {
    byte[] b = seed.clone();
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n; k++) {
      b = mutateOnce(b, random);
    }
    return b;
  }

  private static byte[] mutateOnce(byte[] b, SplittableRandom random) {
    if (b.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    // half the mutations land in the first 512 bytes, where the headers are
    int at = random.nextInt(random.nextBoolean() ? Math.min(b.length, 512) : b.length);
    switch (random.nextInt(8)) {
      case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> b[at] = (byte) random.nextInt(256);
      case 2 -> b[at] = (byte) BOUNDARY[random.nextInt(BOUNDARY.length)];
      case 3 -> {
        int v = HUGE[random.nextInt(HUGE.length)];
        for (int j = 0; j < 4 && at + j < b.length; j++) {
          b[at + j] = (byte) (random.nextBoolean() ? v >>> (24 - 8 * j) : v >>> (8 * j));
        }
      }
      case 4 -> b = Arrays.copyOf(b, at);
      case 5 -> {
        int len = Math.min(b.length - at, 1 + random.nextInt(64));
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        b = out;
      }
      case 6 -> {
        byte[] ins = new byte[1 + random.nextInt(32)];
        for (int j = 0; j < ins.length; j++) {
          ins[j] = (byte) random.nextInt(256);
        }
        b = splice(b, at, ins);
      }
      default -> {
        int len = Math.min(b.length - at, 1 + random.nextInt(64));
        b = splice(b, at, Arrays.copyOfRange(b, at, at + len));
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, byte[] ins) {
    byte[] out = new byte[b.length + ins.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(ins, 0, out, at, ins.length);
    System.arraycopy(b, at, out, at + ins.length, b.length - at);
    return out;
  }

  private String save(String reader, int i, byte[] input) {
    try {
      Files.createDirectories(crashDir);
      Path f = crashDir.resolve(reader.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + i + ".bin");
      Files.write(f, input);
      return "input saved to " + f;
    } catch (IOException e) {
      return "input not saved (" + e + ")";
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}

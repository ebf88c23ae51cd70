package org.ambiseg.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files atomically: readers see either the old file or the complete new one, never a partial
 * write, even if the program dies midway.
 *
 * <p>The content goes to a temporary file in the target's folder, which is flushed and forced to
 * disk (fsync), then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}; the
 * folder is then forced too so the rename survives a crash. On failure the temporary file is
 * deleted and the old target is left as it was.
 */
public final class AtomicFiles {

  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  private AtomicFiles() {}

  /**
   * Writes {@code target} with whatever {@code writer} puts into the stream it is given. The stream
   * is buffered; the writer need not close it (closing it only flushes).
   */
  public static void write(Path target, IoConsumer<OutputStream> writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
        writer.accept(new NonClosingStream(out));
        out.flush();
        channel.force(true);
      }
      move(temp, absolute);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
    forceFolder(folder);
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes {@code text} to {@code target} as UTF-8 (no byte-order mark), atomically. */
  public static void writeString(Path target, String text) throws IOException {
    writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      LOG.warn("{}: the file system cannot rename atomically; replacing the file instead", target);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Forces the folder entry of the rename to disk where the platform allows opening a folder. */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("{}: folder not synced ({})", folder, e.toString());
    }
  }

  /** Lets the writer call close() harmlessly: the stream is closed (after fsync) by us. */
  private static final class NonClosingStream extends FilterOutputStream {

    NonClosingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

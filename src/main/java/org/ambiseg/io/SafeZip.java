package org.ambiseg.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ambiseg.core.BadInputException;

/**
 * A zip opened for random access with its entries indexed once, refusing unsafe archives: entries
 * with absolute paths, drive letters or {@code ..} segments (path traversal) make the whole zip
 * unreadable; so do more than {@link Limits#maxEntries()} entries or declared sizes adding up to
 * more than {@link Limits#maxTotalBytes()} (zip bombs). Reading an entry stops at its declared size
 * or {@link EntrySource#MAX_ENTRY_BYTES}, whichever is smaller, counting the bytes actually
 * inflated, so an entry that lies about its size is refused too. Safe to read from several threads.
 */
final class SafeZip implements EntrySource {

  /**
   * What a zip may hold.
   *
   * @param maxEntries most entries (files and folders)
   * @param maxTotalBytes most uncompressed bytes, summed over the declared entry sizes
   */
  record Limits(int maxEntries, long maxTotalBytes) {

    /** Room for the full LIDC release (about 1 GB in some 100,000 files) many times over. */
    static final Limits DEFAULT = new Limits(1_000_000, 16L << 30);
  }

  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private final Path file;
  private final ZipFile zip;
  private final Map<String, ZipEntry> entries;

  private SafeZip(Path file, ZipFile zip, Map<String, ZipEntry> entries) {
    this.file = file;
    this.zip = zip;
    this.entries = entries;
  }

  /** Opens and indexes a zip with {@link Limits#DEFAULT}, failing on the first unsafe entry. */
  static SafeZip open(Path file) throws BadInputException {
    return open(file, Limits.DEFAULT);
  }

  /** Opens and indexes a zip, failing on the first unsafe entry or when over a limit. */
  static SafeZip open(Path file, Limits limits) throws BadInputException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(file, "not a readable zip file (" + e.getMessage() + ")", e);
    }
    try {
      if (zip.size() > limits.maxEntries()) {
        throw new BadInputException(
            file,
            "holds "
                + zip.size()
                + " entries, over the limit of "
                + limits.maxEntries()
                + " (zip bomb?); zip refused");
      }
      Map<String, ZipEntry> entries = new HashMap<>();
      long total = 0;
      Enumeration<? extends ZipEntry> en = zip.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        long size = e.getSize() < 0 ? MAX_ENTRY_BYTES : e.getSize();
        total += Math.min(size, MAX_ENTRY_BYTES + 1);
        if (total > limits.maxTotalBytes()) {
          throw new BadInputException(
              file,
              "entries declare more than "
                  + limits.maxTotalBytes()
                  + " uncompressed bytes in all (zip bomb?); zip refused");
        }
        String unsafe = unsafeReason(e.getName());
        if (unsafe != null) {
          throw new BadInputException(file + "!/" + e.getName(), unsafe + "; zip refused");
        }
        if (!e.isDirectory()) {
          entries.put(e.getName(), e);
        }
      }
      return new SafeZip(file, zip, entries);
    } catch (BadInputException | RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  /** Why an entry name is unsafe to use as a relative path, or null when it is safe. */
  static String unsafeReason(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/")) {
      return "absolute path in entry name (path traversal)";
    }
    if (DRIVE.matcher(n).matches()) {
      return "drive letter in entry name (path traversal)";
    }
    if (n.indexOf('\0') >= 0) {
      return "NUL character in entry name";
    }
    for (String segment : n.split("/", -1)) {
      if (segment.equals("..")) {
        return "'..' in entry name (path traversal)";
      }
    }
    return null;
  }

  @Override
  public List<String> fileNames() {
    return new ArrayList<>(entries.keySet());
  }

  @Override
  public byte[] read(String name) throws BadInputException {
    ZipEntry e = entries.get(name);
    if (e == null) {
      throw new BadInputException(describe(name), "no such entry");
    }
    long declared = e.getSize();
    int initial = (int) Math.max(32, Math.min(declared < 0 ? 8192 : declared, 1 << 20));
    long cap = declared < 0 ? MAX_ENTRY_BYTES : Math.min(declared, MAX_ENTRY_BYTES);
    try (InputStream in = zip.getInputStream(e)) {
      return readCapped(in, initial, cap, describe(name));
    } catch (IOException ex) {
      throw new BadInputException(
          describe(name), "cannot read entry (" + ex.getMessage() + ")", ex);
    }
  }

  /** Reads a stream whole, failing once more than {@link #MAX_ENTRY_BYTES} bytes arrive. */
  static byte[] readCapped(InputStream in, int initialSize, String source)
      throws IOException, BadInputException {
    return readCapped(in, initialSize, MAX_ENTRY_BYTES, source);
  }

  /** Reads a stream whole, failing once more than {@code cap} bytes arrive. */
  static byte[] readCapped(InputStream in, int initialSize, long cap, String source)
      throws IOException, BadInputException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(initialSize);
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > cap) {
        throw new BadInputException(
            source,
            cap < MAX_ENTRY_BYTES
                ? "inflates to more than its declared " + cap + " bytes (zip bomb?); refused"
                : "uncompressed data exceeds " + (cap >> 20) + " MB (zip bomb?); refused");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  @Override
  public String describe(String name) {
    return file + "!/" + name;
  }

  @Override
  public void close() {
    closeQuietly(zip);
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException ignored) {
      // nothing useful to do: the archive was only read
    }
  }
}

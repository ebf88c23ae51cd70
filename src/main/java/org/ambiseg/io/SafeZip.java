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
 * unreadable, and reading an entry stops at {@link EntrySource#MAX_ENTRY_BYTES} actual bytes,
 * whatever size the entry declares (zip bombs). Safe to read from several threads.
 */
final class SafeZip implements EntrySource {

  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private final Path file;
  private final ZipFile zip;
  private final Map<String, ZipEntry> entries;

  private SafeZip(Path file, ZipFile zip, Map<String, ZipEntry> entries) {
    this.file = file;
    this.zip = zip;
    this.entries = entries;
  }

  /** Opens and indexes a zip, failing on the first unsafe entry name. */
  static SafeZip open(Path file) throws BadInputException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(file, "not a readable zip file (" + e.getMessage() + ")", e);
    }
    try {
      Map<String, ZipEntry> entries = new HashMap<>();
      Enumeration<? extends ZipEntry> en = zip.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
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
    try (InputStream in = zip.getInputStream(e)) {
      return readCapped(in, initial, describe(name));
    } catch (IOException ex) {
      throw new BadInputException(
          describe(name), "cannot read entry (" + ex.getMessage() + ")", ex);
    }
  }

  /** Reads a stream whole, failing once more than {@link #MAX_ENTRY_BYTES} bytes arrive. */
  static byte[] readCapped(InputStream in, int initialSize, String source)
      throws IOException, BadInputException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(initialSize);
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > MAX_ENTRY_BYTES) {
        throw new BadInputException(
            source,
            "uncompressed data exceeds " + (MAX_ENTRY_BYTES >> 20) + " MB (zip bomb?); refused");
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

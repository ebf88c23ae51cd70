package org.ambiseg.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.ambiseg.core.BadInputException;
import org.ambiseg.io.AtomicFiles;

/**
 * Reads and writes a {@link TensorBundle} in AmbiSeg's own tensor format — no Java serialisation,
 * nothing executable:
 *
 * <pre>
 *   "AMBISEG-TENSORS\n" (16 bytes) | int version = 1 | int header length | header (UTF-8 JSON:
 *   {"tensors": [{"name", "shape"}...], "metadata": {...}}) | float32 little-endian values of each
 *   tensor in order | long CRC32 of everything before it
 * </pre>
 *
 * Reading validates magic, version, sizes, finite values and checksum before returning anything, so
 * a truncated or corrupt file is refused whole. Writing goes to a temporary file in the same
 * folder, is flushed to disk and atomically renamed, so a crash mid-write leaves the previous file
 * intact.
 */
public final class TensorFile {

  private static final byte[] MAGIC = "AMBISEG-TENSORS\n".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int MAX_HEADER_BYTES = 16 << 20;
  private static final long MAX_VALUES = 1L << 31;
  private static final Gson GSON = new Gson();

  private TensorFile() {}

  /** Writes the bundle atomically to {@code target}. */
  public static void write(Path target, TensorBundle bundle) throws IOException {
    AtomicFiles.write(target, out -> writeTo(new BufferedOutputStream(out, 1 << 16), bundle));
  }

  /** Writes the bundle to a stream (flushed, not closed). */
  static void writeTo(OutputStream raw, TensorBundle bundle) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
    JsonArray entries = new JsonArray();
    for (Map.Entry<String, TensorBundle.Tensor> e : bundle.tensors().entrySet()) {
      JsonObject entry = new JsonObject();
      entry.addProperty("name", e.getKey());
      entry.add("shape", GSON.toJsonTree(e.getValue().shape()));
      entries.add(entry);
    }
    JsonObject header = new JsonObject();
    header.add("tensors", entries);
    header.add("metadata", bundle.metadata());
    byte[] headerBytes = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(headerBytes.length);
    out.write(headerBytes);
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (TensorBundle.Tensor t : bundle.tensors().values()) {
      for (float v : t.values()) {
        if (!buf.hasRemaining()) {
          out.write(buf.array(), 0, buf.position());
          buf.clear();
        }
        buf.putFloat(v);
      }
    }
    out.write(buf.array(), 0, buf.position());
    out.flush();
    // the checksum itself is written outside the checked stream
    DataOutputStream tail = new DataOutputStream(raw);
    tail.writeLong(crc.getValue());
    tail.flush();
  }

  /** Reads and fully validates a bundle; any problem is a BadInputException naming the file. */
  public static TensorBundle read(Path file) throws BadInputException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return readFrom(in, file.toString());
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read tensor file (" + e.getMessage() + ")", e);
    }
  }

  static TensorBundle readFrom(InputStream raw, String name) throws IOException, BadInputException {
    CRC32 crc = new CRC32();
    DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
    try {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new BadInputException(name, "not an AmbiSeg tensor file (wrong magic bytes)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new BadInputException(
            name,
            "tensor format version " + version + " is not supported (expected " + VERSION + ")");
      }
      int headerLength = in.readInt();
      if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
        throw new BadInputException(name, "corrupt header length " + headerLength);
      }
      byte[] headerBytes = new byte[headerLength];
      in.readFully(headerBytes);
      JsonObject header = parseHeader(name, headerBytes);
      Map<String, TensorBundle.Tensor> tensors = new LinkedHashMap<>();
      byte[] chunk = new byte[1 << 16];
      for (JsonElement el : header.getAsJsonArray("tensors")) {
        JsonObject entry = el.getAsJsonObject();
        String tensorName = entry.get("name").getAsString();
        long[] shape = GSON.fromJson(entry.get("shape"), long[].class);
        long size = 1;
        for (long d : shape) {
          if (d < 0 || d > MAX_VALUES) {
            throw new BadInputException(name, "tensor " + tensorName + " has a corrupt shape");
          }
          size *= d;
          if (size > MAX_VALUES) {
            throw new BadInputException(name, "tensor " + tensorName + " is implausibly large");
          }
        }
        float[] values = new float[(int) size];
        readFloats(in, values, chunk);
        requireFinite(name, tensorName, values);
        if (tensors.put(tensorName, new TensorBundle.Tensor(shape, values)) != null) {
          throw new BadInputException(name, "tensor " + tensorName + " appears twice");
        }
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(raw).readLong();
      if (stored != expected) {
        throw new BadInputException(name, "checksum mismatch: the file is corrupt");
      }
      if (raw.read() != -1) {
        throw new BadInputException(name, "unexpected bytes after the checksum");
      }
      JsonObject metadata =
          header.has("metadata") && header.get("metadata").isJsonObject()
              ? header.getAsJsonObject("metadata")
              : new JsonObject();
      return new TensorBundle(tensors, metadata);
    } catch (EOFException e) {
      throw new BadInputException(name, "truncated tensor file", e);
    } catch (JsonParseException
        | IllegalStateException
        | NullPointerException
        | ClassCastException
        | IllegalArgumentException e) {
      throw new BadInputException(name, "corrupt tensor header (" + e.getMessage() + ")", e);
    }
  }

  private static JsonObject parseHeader(String name, byte[] bytes) throws BadInputException {
    try {
      JsonObject header =
          GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), JsonObject.class);
      if (header == null || !header.has("tensors") || !header.get("tensors").isJsonArray()) {
        throw new BadInputException(name, "corrupt tensor header (no tensor list)");
      }
      return header;
    } catch (JsonParseException e) {
      throw new BadInputException(name, "corrupt tensor header (" + e.getMessage() + ")", e);
    }
  }

  /** Parameters and optimizer state are always finite; NaN or infinity means a damaged file. */
  private static void requireFinite(String name, String tensorName, float[] values)
      throws BadInputException {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new BadInputException(
            name, "tensor " + tensorName + " holds " + values[i] + " at index " + i);
      }
    }
  }

  private static void readFloats(DataInputStream in, float[] values, byte[] chunk)
      throws IOException {
    int done = 0;
    while (done < values.length) {
      int n = Math.min(values.length - done, chunk.length / 4);
      in.readFully(chunk, 0, n * 4);
      ByteBuffer.wrap(chunk, 0, n * 4)
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .get(values, done, n);
      done += n;
    }
  }
}

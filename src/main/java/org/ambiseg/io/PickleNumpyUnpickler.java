package org.ambiseg.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * A Pyrolite unpickler that builds numpy arrays and nothing else: only the globals in {@link
 * #ALLOWED} may be named by a pickle; any other class or function (which plain Pyrolite would turn
 * into a {@code ClassDict}, and Python would import and call) is refused with {@link
 * RefusedClassException}. Dicts, lists, tuples, strings, bytes and numbers are read as usual.
 *
 * <p>It also guards the streaming read: every length-prefixed value must fit in the bytes left in
 * the file (no huge allocation from a corrupt length), and large byte buffers and strings are not
 * kept in the memo table once used (numpy pickles never refer back to them), so memory stays close
 * to the decoded arrays' size. Allowed globals are private to this class, not registered in
 * Pyrolite's global table.
 */
final class PickleNumpyUnpickler extends Unpickler {

  /** A pickle names a global that is not allowed. */
  static final class RefusedClassException extends PickleException {
    private static final long serialVersionUID = 1L;
    private final String className;

    RefusedClassException(String className) {
      super("refused Python class " + printable(className));
      this.className = printable(className);
    }

    /** The name on one line, without control characters, at most 100 characters. */
    private static String printable(String name) {
      String clean = name.replaceAll("\\p{Cntrl}", "?");
      return clean.length() <= 100 ? clean : clean.substring(0, 100) + "...";
    }

    String className() {
      return className;
    }
  }

  /** Values at least this long are dropped from the memo table. */
  private static final int LARGE = 4096;

  private static final Object DROPPED = new Object();

  private static final IObjectConstructor NDARRAY =
      args -> {
        throw new PickleException("numpy.ndarray is only accepted as _reconstruct's argument");
      };

  private static final IObjectConstructor RECONSTRUCT =
      args -> {
        if (args.length != 3 || args[0] != NDARRAY) {
          throw new PickleException("_reconstruct is only accepted for numpy.ndarray");
        }
        return new PickleArray();
      };

  private static final IObjectConstructor DTYPE =
      args -> {
        if (args.length < 1 || !(args[0] instanceof String typestr)) {
          throw new PickleException("numpy.dtype without a type string");
        }
        return PickleDtype.parse(typestr);
      };

  private static final IObjectConstructor FROMBUFFER =
      args -> {
        if (args.length != 4
            || !(args[0] instanceof byte[] buf)
            || !(args[1] instanceof PickleDtype dt)
            || !(args[3] instanceof String order)) {
          throw new PickleException("unexpected arguments to numpy _frombuffer");
        }
        return PickleArray.fromBuffer(buf, dt, toShape(args[2]), order.equals("F"));
      };

  private static final IObjectConstructor SCALAR =
      args -> {
        if (args.length != 2 || !(args[0] instanceof PickleDtype dt)) {
          throw new PickleException("unexpected arguments to numpy scalar");
        }
        byte[] raw = args[1] instanceof String s ? latin1(s) : (byte[]) args[1];
        double v = PickleArray.fromBuffer(raw, dt, new int[0], false).value(0);
        return dt.isFloat() ? (Object) v : (Object) (long) v;
      };

  private static final IObjectConstructor CODECS_ENCODE =
      args -> {
        if (args.length != 2 || !(args[0] instanceof String s) || !isLatin1(args[1])) {
          throw new PickleException("_codecs.encode is only accepted for latin1 text");
        }
        return latin1(s);
      };

  /** The only globals a pickle may name: numpy 1 ({@code numpy.core}) and 2 ({@code _core}). */
  static final Map<String, IObjectConstructor> ALLOWED =
      Map.of(
          "numpy.core.multiarray._reconstruct", RECONSTRUCT,
          "numpy._core.multiarray._reconstruct", RECONSTRUCT,
          "numpy.core.multiarray.scalar", SCALAR,
          "numpy._core.multiarray.scalar", SCALAR,
          "numpy.core.numeric._frombuffer", FROMBUFFER,
          "numpy._core.numeric._frombuffer", FROMBUFFER,
          "numpy.ndarray", NDARRAY,
          "numpy.dtype", DTYPE,
          "_codecs.encode", CODECS_ENCODE);

  private final CountingStream in;
  private final long totalBytes;

  /** An unpickler for a stream of {@code totalBytes} bytes. */
  PickleNumpyUnpickler(InputStream stream, long totalBytes) {
    this.in = new CountingStream(stream);
    this.totalBytes = totalBytes;
    this.memo = new DroppingMemo();
  }

  /** Reads the one pickled object in the stream. */
  Object read() throws IOException {
    return load(in);
  }

  @Override
  protected Object dispatch(short key) throws PickleException, IOException {
    switch (key) {
      case Opcodes.GLOBAL -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        stack.add(lookup(module, name));
      }
      case Opcodes.STACK_GLOBAL -> {
        Object name = stack.pop();
        Object module = stack.pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
          throw new PickleException("STACK_GLOBAL needs a module and a name string");
        }
        stack.add(lookup(m, n));
      }
      case Opcodes.INST -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        throw new RefusedClassException(module + "." + name);
      }
      case Opcodes.BUILD -> build();
      case Opcodes.BINBYTES -> stack.add(readBytes(readLength(4)));
      case Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> stack.add(readBytes(readLength(8)));
      case Opcodes.BINUNICODE ->
          stack.add(new String(readBytes(readLength(4)), StandardCharsets.UTF_8));
      case Opcodes.BINUNICODE8 ->
          stack.add(new String(readBytes(readLength(8)), StandardCharsets.UTF_8));
      case Opcodes.BINSTRING -> stack.add(PickleUtils.rawStringFromBytes(readBytes(readLength(4))));
      case Opcodes.LONG4 -> stack.add(PickleUtils.decode_long(readBytes(readLength(4))));
      default -> {
        return super.dispatch(key);
      }
    }
    return NO_RETURN_VALUE;
  }

  /** A shape tuple as ints. */
  static int[] toShape(Object o) {
    if (!(o instanceof Object[] t)) {
      throw new PickleException("numpy shape is " + PickleArray.typeName(o) + ", not a tuple");
    }
    int[] shape = new int[t.length];
    for (int i = 0; i < t.length; i++) {
      if (!(t[i] instanceof Number n) || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
        throw new PickleException("bad numpy dimension " + t[i]);
      }
      shape[i] = n.intValue();
    }
    return shape;
  }

  private static IObjectConstructor lookup(String module, String name) {
    IObjectConstructor c = ALLOWED.get(module + "." + name);
    if (c == null) {
      throw new RefusedClassException(module + "." + name);
    }
    return c;
  }

  private void build() {
    Object state = stack.pop();
    Object target = stack.peek();
    if (!(state instanceof Object[] tuple)) {
      throw new PickleException("BUILD state is " + PickleArray.typeName(state) + ", not a tuple");
    }
    if (target instanceof PickleArray a) {
      a.setState(tuple);
    } else if (target instanceof PickleDtype d) {
      d.setState(tuple);
    } else {
      throw new PickleException("BUILD on " + PickleArray.typeName(target) + " is not supported");
    }
  }

  private long readLength(int width) throws IOException {
    byte[] b = PickleUtils.readbytes(input, width);
    long len = width == 4 ? PickleUtils.bytes_to_integer(b) : PickleUtils.bytes_to_long(b, 0);
    long remaining = totalBytes - in.position();
    if (len < 0 || len > remaining) {
      throw new PickleException(
          "a value at byte "
              + in.position()
              + " declares "
              + len
              + " bytes but only "
              + remaining
              + " remain (truncated or corrupt file)");
    }
    if (len > Integer.MAX_VALUE - 16) {
      throw new PickleException("a single value of " + len + " bytes is too large to read");
    }
    return len;
  }

  private byte[] readBytes(long len) throws IOException {
    return PickleUtils.readbytes(input, (int) len);
  }

  private static boolean isLatin1(Object encoding) {
    return encoding instanceof String e
        && (e.equals("latin1") || e.equals("latin-1") || e.equalsIgnoreCase("iso-8859-1"));
  }

  private static byte[] latin1(String s) {
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        throw new PickleException("non-latin1 character in numpy raw data");
      }
      out[i] = (byte) c;
    }
    return out;
  }

  private static boolean isLarge(Object v) {
    if (v instanceof byte[] b) {
      return b.length >= LARGE;
    }
    if (v instanceof String s) {
      return s.length() >= LARGE;
    }
    if (v instanceof Object[] t) {
      for (Object o : t) {
        if (o instanceof byte[] || o instanceof String) {
          if (isLarge(o)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The memo table, keeping a placeholder instead of large one-use values. */
  private static final class DroppingMemo extends HashMap<Integer, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public Object put(Integer key, Object value) {
      return super.put(key, isLarge(value) ? DROPPED : value);
    }
  }

  /** Counts the bytes read so far. */
  private static final class CountingStream extends FilterInputStream {
    private long position;

    CountingStream(InputStream in) {
      super(in);
    }

    long position() {
      return position;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        position++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      position += s;
      return s;
    }
  }
}

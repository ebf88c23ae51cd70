package org.ambiseg.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.razorvine.pickle.PickleException;

/**
 * A numpy ndarray as unpickled: shape, dtype, memory order and the raw bytes, either from {@code
 * _reconstruct} + BUILD state (protocols 2-4) or from {@code _frombuffer} (protocol 5). Values are
 * read out as doubles in C (row-major) order.
 *
 * <p>To keep large pickles in memory while they are read, an array whose values are all 0 or one
 * other value (a mask, whatever its dtype) is stored losslessly as one bit per value plus that
 * value, instead of its raw bytes.
 */
final class PickleArray {

  private int[] shape = new int[0];
  private PickleDtype dtype;
  private boolean fortran;
  private byte[] data;
  private long[] bits;
  private double onValue;

  /** An empty array waiting for its BUILD state (what {@code _reconstruct} returns). */
  PickleArray() {}

  /** An array over a buffer (what {@code _frombuffer(buf, dtype, shape, order)} returns). */
  static PickleArray fromBuffer(byte[] data, PickleDtype dtype, int[] shape, boolean fortran) {
    PickleArray a = new PickleArray();
    a.fill(shape, dtype, fortran, data);
    return a;
  }

  /** Applies the pickled state {@code (version, shape, dtype, is_fortran, rawdata)}. */
  void setState(Object[] state) {
    int o = state.length == 5 ? 1 : 0;
    if (state.length - o != 4) {
      throw new PickleException("unexpected numpy array state of length " + state.length);
    }
    if (!(state[o + 1] instanceof PickleDtype dt)) {
      throw new PickleException("numpy array state without a dtype");
    }
    if (!(state[o + 3] instanceof byte[] raw)) {
      throw new PickleException(
          "numpy array data is " + typeName(state[o + 3]) + ", expected raw bytes");
    }
    fill(PickleNumpyUnpickler.toShape(state[o]), dt, Boolean.TRUE.equals(state[o + 2]), raw);
  }

  int[] shape() {
    return shape.clone();
  }

  PickleDtype dtype() {
    return dtype;
  }

  int size() {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** Value at flat C-order index {@code i}, as a double (bools as 0/1). */
  double value(int i) {
    if (bits != null) {
      return (bits[i >>> 6] & (1L << i)) != 0 ? onValue : 0;
    }
    return value(ByteBuffer.wrap(data).order(dtype.order()), i);
  }

  /** All values in C order as doubles. */
  double[] values() {
    double[] out = new double[size()];
    if (bits != null) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (bits[i >>> 6] & (1L << i)) != 0 ? onValue : 0;
      }
      return out;
    }
    ByteBuffer b = ByteBuffer.wrap(data).order(dtype.order());
    for (int i = 0; i < out.length; i++) {
      out[i] = value(b, i);
    }
    return out;
  }

  /** True when the array is held as bits: every value is 0 or {@link #onValue()}. */
  boolean isBinary() {
    return bits != null;
  }

  /** The one non-zero value of a binary array. */
  double onValue() {
    return onValue;
  }

  /** The foreground bits of a binary array (bit i of word i / 64), C order; not copied. */
  long[] bits() {
    return bits;
  }

  private double value(ByteBuffer b, int i) {
    int offset = fortran ? (i % shape[1]) * shape[0] + i / shape[1] : i;
    int at = offset * dtype.itemSize();
    return switch (dtype.kind()) {
      case 'f' -> dtype.itemSize() == 4 ? b.getFloat(at) : b.getDouble(at);
      case 'b' -> data[at] != 0 ? 1 : 0;
      case 'u' ->
          switch (dtype.itemSize()) {
            case 1 -> data[at] & 0xFF;
            case 2 -> b.getShort(at) & 0xFFFF;
            case 4 -> b.getInt(at) & 0xFFFFFFFFL;
            default -> (double) b.getLong(at);
          };
      default ->
          switch (dtype.itemSize()) {
            case 1 -> data[at];
            case 2 -> b.getShort(at);
            case 4 -> b.getInt(at);
            default -> (double) b.getLong(at);
          };
    };
  }

  @Override
  public String toString() {
    return "ndarray" + Arrays.toString(shape) + " " + dtype;
  }

  static String typeName(Object o) {
    return o == null ? "None" : o.getClass().getSimpleName();
  }

  private void fill(int[] newShape, PickleDtype newDtype, boolean isFortran, byte[] raw) {
    if (isFortran && newShape.length > 2) {
      throw new PickleException("Fortran-ordered arrays of more than 2 dimensions are not read");
    }
    long n = newDtype.itemSize();
    for (int d : newShape) {
      if (d < 0) {
        throw new PickleException("negative array dimension " + d);
      }
      n *= d;
    }
    if (n != raw.length) {
      throw new PickleException(
          "array "
              + Arrays.toString(newShape)
              + " of "
              + newDtype
              + " needs "
              + n
              + " bytes, got "
              + raw.length);
    }
    this.shape = newShape;
    this.dtype = newDtype;
    this.fortran = isFortran && newShape.length == 2;
    this.data = raw;
    packIfBinary();
  }

  /** Replaces the raw bytes by bits when every value is 0 or one other value (NaN never is). */
  private void packIfBinary() {
    int n = size();
    if (n < 64) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(data).order(dtype.order());
    long[] packed = new long[(n + 63) >>> 6];
    double on = 0;
    for (int i = 0; i < n; i++) {
      double v = value(b, i);
      if (v == 0) {
        continue;
      }
      if (Double.isNaN(v) || (on != 0 && v != on)) {
        return;
      }
      on = v;
      packed[i >>> 6] |= 1L << i;
    }
    this.bits = packed;
    this.onValue = on;
    this.data = null;
  }
}

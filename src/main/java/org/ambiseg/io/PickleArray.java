package org.ambiseg.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.razorvine.pickle.PickleException;

/**
 * A numpy ndarray as unpickled: shape, dtype, memory order and the raw bytes, either from {@code
 * _reconstruct} + BUILD state (protocols 2-4) or from {@code _frombuffer} (protocol 5). Values are
 * read out as doubles in C (row-major) order.
 */
final class PickleArray {

  private int[] shape = new int[0];
  private PickleDtype dtype;
  private boolean fortran;
  private byte[] data;

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
    return value(ByteBuffer.wrap(data).order(dtype.order()), i);
  }

  /** All values in C order as doubles. */
  double[] values() {
    ByteBuffer b = ByteBuffer.wrap(data).order(dtype.order());
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(b, i);
    }
    return out;
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
  }
}

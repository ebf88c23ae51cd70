package org.ambiseg.model;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float tensors in plain Java arrays plus a JSON metadata object: what a parameter file or a
 * checkpoint holds, independent of any engine.
 *
 * @param tensors name -> tensor, in file order
 * @param metadata free-form JSON written with the tensors
 */
public record TensorBundle(Map<String, Tensor> tensors, JsonObject metadata) {

  /** One tensor: its shape and row-major values. */
  public record Tensor(long[] shape, float[] values) {

    /** Checks that the values fill the shape. */
    public Tensor {
      long size = 1;
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
        }
        size *= d;
      }
      if (size != values.length) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + values.length);
      }
    }
  }

  /** Copies the map (keeping order). */
  public TensorBundle {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    metadata = metadata == null ? new JsonObject() : metadata.deepCopy();
  }
}

package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReLU that overwrites its input, as PyTorch's {@code nn.ReLU(inplace=True)} after a convolution:
 * no new tensor, so one allocation and one pass over memory less per layer. DJL 0.32 has only the
 * out-of-place ReLU, so libtorch's {@code at::_ops::relu_::call(Tensor&)} is called through JNA on
 * the tensor DJL holds (a {@code PtNDArray}'s handle is a pointer to its {@code at::Tensor}); the
 * call goes through libtorch's dispatcher, so autograd records it as it records {@code relu_} in
 * Python. Falls back to {@link Activation#relu} on another engine, when the symbol is missing or
 * with {@code -Dambiseg.inPlaceRelu=false}.
 *
 * <p>Only for a tensor that nothing else reads: the fresh output of a convolution or of a sum. Such
 * a tensor is never a leaf and never a view, the two cases in which libtorch refuses an in-place
 * operation with a C++ exception, which must not cross the JNA call.
 */
final class InPlaceRelu {

  private static final Logger LOG = LoggerFactory.getLogger(InPlaceRelu.class);
  private static final String RELU_ = "_ZN2at4_ops5relu_4callERNS_6TensorE";
  private static final Optional<Function> FUNCTION = lookUp();

  private InPlaceRelu() {}

  /**
   * max(x, 0) written into {@code fresh} itself (returned), or into a new array when the in-place
   * call is not available.
   */
  static NDArray apply(NDArray fresh) {
    if (FUNCTION.isPresent() && fresh instanceof PtNDArray) {
      long handle = ((PtNDArray) fresh).getHandle();
      FUNCTION.get().invokePointer(new Object[] {new Pointer(handle)});
      return fresh;
    }
    return Activation.relu(fresh);
  }

  /** Whether ReLU runs in place in this process. */
  static boolean inPlace() {
    return FUNCTION.isPresent();
  }

  private static Optional<Function> lookUp() {
    if (!Boolean.parseBoolean(System.getProperty("ambiseg.inPlaceRelu", "true"))) {
      return Optional.empty();
    }
    LibTorchCpu.Found<Function> relu = LibTorchCpu.function(RELU_);
    if (relu.value().isEmpty()) {
      LOG.info("ReLU runs out of place ({})", relu.problem());
    }
    return relu.value();
  }
}

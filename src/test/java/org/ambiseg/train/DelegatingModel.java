package org.ambiseg.train;

import com.google.gson.JsonObject;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.TensorBundle;

/** A TrainableModel forwarding to another, for tests that alter one behaviour. */
class DelegatingModel implements TrainableModel {

  private final TrainableModel inner;

  DelegatingModel(TrainableModel inner) {
    this.inner = inner;
  }

  @Override
  public String modelType() {
    return inner.modelType();
  }

  @Override
  public int noisePerImage() {
    return inner.noisePerImage();
  }

  @Override
  public StepResult step(TrainingBatch batch, float lr) {
    return inner.step(batch, lr);
  }

  @Override
  public List<float[]> sample(Image2D image, int n, long seed) {
    return inner.sample(image, n, seed);
  }

  @Override
  public TensorBundle exportState() {
    return inner.exportState();
  }

  @Override
  public void restoreState(TensorBundle state, String source) throws BadInputException {
    inner.restoreState(state, source);
  }

  @Override
  public TensorBundle exportParameters() {
    return inner.exportParameters();
  }

  @Override
  public JsonObject architecture() {
    return inner.architecture();
  }

  @Override
  public void close() {
    inner.close();
  }
}

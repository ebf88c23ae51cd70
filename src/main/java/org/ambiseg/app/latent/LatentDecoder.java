package org.ambiseg.app.latent;

import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.HpuNetEstimator;
import org.ambiseg.estimate.ProbUNetEstimator;
import org.ambiseg.model.HpuNetSampler;
import org.ambiseg.model.ProbUNetSampler;

/**
 * The model-thread side of the panel: keeps one Prob U-Net encoding (features and prior of the
 * current image) and decodes requests with it, re-encoding only when the estimator or the image
 * changes. HPU-Net requests run the estimator's per-scale sampling (the estimator keeps the prior
 * encoder's features of the last image, so a request re-runs only the decoders). Use from the model
 * thread only.
 */
final class LatentDecoder {

  private ProbUNetSampler.EncodedImage encoded;
  private Estimator encodedEstimator;
  private Image2D encodedImage;
  private float[] priorMean;
  private float[] priorSigma;
  private volatile long encodings;

  LatentResult decode(LatentRequest request) {
    if (request.steering() instanceof LatentRequest.Offsets offsets) {
      return decodeVector(request, offsets);
    }
    if (request.steering() instanceof LatentRequest.Scales scales) {
      release();
      return decodeScales(request, scales);
    }
    release();
    return null;
  }

  private LatentResult decodeVector(LatentRequest request, LatentRequest.Offsets offsets) {
    ProbUNetEstimator estimator = (ProbUNetEstimator) request.estimator();
    if (estimator != encodedEstimator || request.image() != encodedImage) {
      release();
      encoded = estimator.sampler().encode(request.image());
      encodedEstimator = estimator;
      encodedImage = request.image();
      priorMean = encoded.priorMean();
      priorSigma = encoded.priorSigma();
      encodings++;
    }
    double[] o = offsets.values();
    if (o.length != priorMean.length) {
      throw new IllegalArgumentException(
          "z has " + priorMean.length + " dimensions, the request " + o.length);
    }
    float[] z = new float[priorMean.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = priorMean[i] + (float) o[i] * priorSigma[i];
    }
    float[] p = encoded.decode(new float[][] {z}).get(0);
    return new LatentResult(request, z, p, OverlayImages.render(request.image(), p));
  }

  private static LatentResult decodeScales(LatentRequest request, LatentRequest.Scales scales) {
    HpuNetEstimator estimator = (HpuNetEstimator) request.estimator();
    HpuNetSampler.ScaleSettings settings =
        new HpuNetSampler.ScaleSettings(scales.temperatures(), scales.fixedToMean());
    float[] p = estimator.sample(request.image(), 1, scales.seed(), settings).probability(0);
    return new LatentResult(request, null, p, OverlayImages.render(request.image(), p));
  }

  /** Closes the cached encoding, if any. */
  void release() {
    if (encoded != null) {
      encoded.close();
      encoded = null;
    }
    encodedEstimator = null;
    encodedImage = null;
  }

  /** How many times an image was encoded (for tests: once per image and estimator). */
  long encodings() {
    return encodings;
  }
}

package org.ambiseg.io.synth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.Interpretation;

/**
 * The contents of a dataset's truth.json: each case's interpretations and, optionally, the lesion
 * parameters that decided them.
 *
 * @param cases interpretations by case id, in file order
 * @param parameters lesion parameters by case id (may be empty)
 * @param generator how the cases were generated, when known
 */
public record SynthTruth(
    Map<String, List<Interpretation>> cases,
    Map<String, LesionParameters> parameters,
    Optional<SynthSettings> generator) {

  /** Copies the maps, keeping their order. */
  public SynthTruth {
    Map<String, List<Interpretation>> c = new LinkedHashMap<>();
    cases.forEach((k, v) -> c.put(k, List.copyOf(v)));
    cases = Collections.unmodifiableMap(c);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}

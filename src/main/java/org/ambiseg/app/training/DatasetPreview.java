package org.ambiseg.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.LabelMask;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.ambiseg.train.PatientSplit;

/**
 * What the training form shows of a chosen dataset before a run starts: its format and size, the
 * first few cases with their raters, and how the run will split it by patient into training and
 * selection cases (the same {@link PatientSplit} the run uses, counted from the ids without
 * decoding every case).
 *
 * @param name the dataset's display name
 * @param format the detected format
 * @param caseCount cases in the dataset
 * @param withPatientIds cases whose format gives a patient id (others are their own patient)
 * @param cases the first few cases, decoded
 * @param trainingCases cases the run will train on
 * @param trainingPatients patients the run will train on
 * @param selectionCases cases held out for selection
 * @param selectionPatients patients held out for selection
 * @param problems cases left out while indexing, one line each
 */
record DatasetPreview(
    String name,
    String format,
    int caseCount,
    int withPatientIds,
    List<PreviewCase> cases,
    int trainingCases,
    int trainingPatients,
    int selectionCases,
    int selectionPatients,
    List<String> problems) {

  /** One previewed case: its ids, image and rater masks as pictures. */
  record PreviewCase(
      String id, String patientId, Thumbnails.Picture image, List<Thumbnails.Picture> raters) {}

  /**
   * Opens {@code path} and reads the first {@code shown} cases; counts the split a run with {@code
   * selectionFraction} and {@code seed} makes.
   *
   * @throws BadInputException when the dataset cannot be opened or a shown case cannot be read
   */
  static DatasetPreview read(Path path, int shown, double selectionFraction, long seed)
      throws BadInputException {
    try (Dataset dataset = DatasetReaders.open(path)) {
      List<String> groups = new ArrayList<>(dataset.size());
      int withIds = 0;
      for (int i = 0; i < dataset.size(); i++) {
        var patient = dataset.patientId(i);
        withIds += patient.isPresent() ? 1 : 0;
        groups.add(patient.orElse(dataset.caseId(i)));
      }
      Set<String> held = PatientSplit.heldOutGroups(groups, selectionFraction, seed);
      int selectionCases = (int) groups.stream().filter(held::contains).count();
      int patients = (int) groups.stream().distinct().count();
      List<PreviewCase> cases = new ArrayList<>();
      for (int i = 0; i < Math.min(shown, dataset.size()); i++) {
        Case c = dataset.load(i);
        List<Thumbnails.Picture> raters = new ArrayList<>();
        for (LabelMask m : c.raters()) {
          raters.add(Thumbnails.mask(m));
        }
        cases.add(
            new PreviewCase(
                c.id(),
                c.patientId().orElse(""),
                Thumbnails.image(c.image()),
                List.copyOf(raters)));
      }
      return new DatasetPreview(
          dataset.name(),
          dataset.format(),
          dataset.size(),
          withIds,
          List.copyOf(cases),
          dataset.size() - selectionCases,
          patients - held.size(),
          selectionCases,
          held.size(),
          List.copyOf(dataset.problems()));
    }
  }

  /** One line for the form, e.g. "ambiseg-folder, 240 cases: train 216 (216 patients), ...". */
  String summary() {
    return String.format(
        "%s, %d cases%s: training %d cases (%d patients), selection %d cases (%d patients)%s",
        format,
        caseCount,
        withPatientIds == 0 ? ", no patient ids (each case its own patient)" : "",
        trainingCases,
        trainingPatients,
        selectionCases,
        selectionPatients,
        problems.isEmpty() ? "" : "; " + problems.size() + " left out");
  }
}

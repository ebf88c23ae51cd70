package org.ambiseg.app.gallery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.app.session.CaseSession;

/**
 * The bar under the enlarged sample: which sample is shown, "Show image" to go back to the plain
 * image and "Save this sample as mask..." (PNG). Visible only while a sample is selected.
 */
public final class SampleActionsView {

  /** Text of the save button. */
  public static final String SAVE_TEXT = "Save this sample as mask...";

  private final HBox root = new HBox(6);

  /**
   * The bar for {@code gallery}, asking {@code chooser} (owned by {@code owner}) where to save and
   * reporting write errors to {@code problems}.
   */
  public SampleActionsView(
      CaseSession session,
      GalleryViewModel gallery,
      MaskFileChooser chooser,
      Supplier<Window> owner,
      ProblemReporter problems) {
    root.setId("sample-actions");
    root.getStyleClass().add("toolbar");
    root.visibleProperty().bind(gallery.selectedProperty().greaterThanOrEqualTo(0));
    root.managedProperty().bind(root.visibleProperty());

    Label which = new Label();
    which.setId("selected-sample");
    which
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  int i = gallery.selectedProperty().get();
                  var s = session.samplesProperty().get();
                  return i < 0 || s == null ? "" : "Sample " + (i + 1) + " of " + s.size();
                },
                gallery.selectedProperty(),
                session.samplesProperty()));

    Button back = new Button("Show image");
    back.setId("show-image");
    back.setOnAction(e -> gallery.clearSelection());

    Button save = new Button(SAVE_TEXT);
    save.setId("save-sample");
    save.setOnAction(e -> save(session, gallery, chooser, owner, problems));
    root.getChildren().addAll(which, back, save);
  }

  /** The root node. */
  public Parent root() {
    return root;
  }

  private static void save(
      CaseSession session,
      GalleryViewModel gallery,
      MaskFileChooser chooser,
      Supplier<Window> owner,
      ProblemReporter problems) {
    var c = session.caseProperty().get();
    String name =
        (c == null ? "sample" : c.id().replaceAll("[^A-Za-z0-9._-]", "_"))
            + "-sample-"
            + (gallery.selectedProperty().get() + 1)
            + ".png";
    Optional<Path> target = chooser.chooseTarget(owner.get(), name);
    if (target.isEmpty()) {
      return;
    }
    try {
      gallery.saveSelected(target.get());
    } catch (IOException | RuntimeException e) {
      problems.report("Could not save the mask", target.get() + ": " + e.getMessage());
    }
  }
}

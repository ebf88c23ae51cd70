package org.ambiseg.app.cases;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ambiseg.app.DroppedFiles;

/**
 * The case list panel: dataset name, open progress with a cancel button, a search field, the cases
 * (id, patient, rater count), the selected case's details, previous/next buttons and the list of
 * skipped files. It only builds nodes and binds them to a {@link CaseBrowser}. Left and right arrow
 * keys step through the cases when the focus is in the panel (or under a node given to {@link
 * #installArrowKeys}), except in a text field or on a slider; Enter in the search field moves the
 * focus to the list. Dropping a folder or a zip on the panel opens it as a dataset.
 */
public final class CaseBrowserView {

  private final CaseBrowser browser;
  private final VBox root = new VBox(6);
  private final ListView<CaseSummary> list = new ListView<>();

  /** Builds the panel for {@code browser}. */
  public CaseBrowserView(CaseBrowser browser) {
    this.browser = browser;
    root.getStyleClass().add("case-browser");
    root.setId("case-browser");
    root.setMinWidth(200);
    root.setPrefWidth(260);
    Label name = new Label();
    name.setId("dataset-status");
    name.setWrapText(true);
    name.textProperty().bind(browser.statusProperty());
    VBox.setVgrow(list, Priority.ALWAYS);
    root.getChildren()
        .addAll(
            name, progressRow(), searchField(), caseList(), details(), navigation(), skippedPane());
    installArrowKeys(root);
    root.addEventHandler(DragEvent.DRAG_OVER, this::onDragOver);
    root.addEventHandler(DragEvent.DRAG_DROPPED, this::onDragDropped);
  }

  /** The panel's root node. */
  public Parent root() {
    return root;
  }

  /**
   * Makes left/right arrow keys pressed anywhere under {@code target} (e.g. the whole scene root)
   * step to the previous/next case, except while a text field or a slider has the focus (they use
   * the arrows themselves). Installed as an event filter, so a list or button that would otherwise
   * take the arrows for focus traversal does not.
   */
  public void installArrowKeys(Node target) {
    target.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  private HBox progressRow() {
    ProgressBar bar = new ProgressBar();
    bar.setId("open-progress");
    bar.progressProperty().bind(browser.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    Button cancel = new Button("Cancel");
    cancel.setId("open-cancel");
    cancel.setOnAction(e -> browser.cancelOpening());
    HBox row = new HBox(6, bar, cancel);
    row.setAlignment(Pos.CENTER_LEFT);
    row.visibleProperty().bind(browser.openingProperty());
    row.managedProperty().bind(row.visibleProperty());
    return row;
  }

  private TextField searchField() {
    TextField field = new TextField();
    field.setId("case-search");
    field.setPromptText("Search case id or patient");
    field.textProperty().bindBidirectional(browser.searchProperty());
    field.setOnAction(e -> list.requestFocus());
    return field;
  }

  private ListView<CaseSummary> caseList() {
    list.setId("case-list");
    list.setItems(browser.cases());
    list.setPlaceholder(new Label("No cases"));
    list.setCellFactory(v -> new SummaryCell());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                browser.select(now);
              }
            });
    browser
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                list.getSelectionModel().clearSelection();
              } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
                list.scrollTo(now);
              }
            });
    return list;
  }

  private Label details() {
    Label details = new Label();
    details.setId("case-details");
    details.setWrapText(true);
    details
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CaseSummary s = browser.selectedProperty().get();
                  return s == null
                      ? ""
                      : s.id()
                          + s.patientId().map(p -> " (" + p + ")").orElse("")
                          + ": "
                          + s.ratersText();
                },
                browser.selectedProperty()));
    return details;
  }

  private HBox navigation() {
    Button previous = new Button("\u25c0 Previous");
    previous.setId("case-previous");
    previous.disableProperty().bind(browser.hasPreviousProperty().not());
    previous.setOnAction(e -> browser.previous());
    Button next = new Button("Next \u25b6");
    next.setId("case-next");
    next.disableProperty().bind(browser.hasNextProperty().not());
    next.setOnAction(e -> browser.next());
    Label where = new Label();
    where.setId("case-position");
    where
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    browser.positionProperty().get() < 0
                        ? ""
                        : (browser.positionProperty().get() + 1) + " / " + browser.cases().size(),
                browser.positionProperty(),
                browser.cases()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox row = new HBox(6, previous, spacer, where, next);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private TitledPane skippedPane() {
    ListView<String> lines = new ListView<>(browser.skipped());
    lines.setId("skipped-list");
    lines.setPrefHeight(110);
    TitledPane pane = new TitledPane();
    pane.setId("skipped-pane");
    pane.textProperty().bind(Bindings.size(browser.skipped()).asString("Skipped (%d)"));
    pane.setContent(lines);
    pane.setExpanded(true);
    pane.visibleProperty().bind(Bindings.isNotEmpty(browser.skipped()));
    pane.managedProperty().bind(pane.visibleProperty());
    return pane;
  }

  private void onKey(KeyEvent event) {
    if (event.getTarget() instanceof TextInputControl || event.getTarget() instanceof Slider) {
      return;
    }
    if (event.getCode() == KeyCode.RIGHT) {
      browser.next();
      event.consume();
    } else if (event.getCode() == KeyCode.LEFT) {
      browser.previous();
      event.consume();
    }
  }

  private void onDragOver(DragEvent event) {
    if (event.getDragboard().hasFiles() && dataset(event.getDragboard().getFiles()).isPresent()) {
      event.acceptTransferModes(TransferMode.COPY);
      event.consume();
    }
  }

  private void onDragDropped(DragEvent event) {
    Optional<Path> path = dataset(event.getDragboard().getFiles());
    path.ifPresent(browser::openDataset);
    event.setDropCompleted(path.isPresent());
    event.consume();
  }

  private static Optional<Path> dataset(List<File> files) {
    return DroppedFiles.firstDataset(files);
  }

  /** Two lines per case: the id, then patient and raters. */
  private static final class SummaryCell extends ListCell<CaseSummary> {
    @Override
    protected void updateItem(CaseSummary item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        return;
      }
      String patient = item.patientId().map(p -> p + " \u00b7 ").orElse("");
      setText(item.id() + "\n" + patient + item.ratersText());
    }
  }
}

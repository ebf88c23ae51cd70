package org.ambiseg.app.compare;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.ambiseg.app.session.CaseSession;

/**
 * The action that opens the compare window on the viewer's case, N and seed (one window at a time;
 * a second request brings it to the front).
 */
public final class CompareMenu {

  /** Text of the menu item. */
  public static final String COMPARE_TEXT = "Compare estimators\u2026";

  private final Supplier<Window> owner;
  private final CaseSession session;
  private final ExecutorService modelThread;
  private final ColumnOpener opener;
  private CompareWindow open;

  /**
   * Opens windows owned by {@code owner} following {@code session}, with the estimators opened by
   * {@code opener} on {@code modelThread} (the app's one model thread).
   */
  public CompareMenu(
      Supplier<Window> owner,
      CaseSession session,
      ExecutorService modelThread,
      ColumnOpener opener) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.session = Objects.requireNonNull(session, "session");
    this.modelThread = Objects.requireNonNull(modelThread, "modelThread");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /** The menu item "Compare estimators…". */
  public MenuItem item() {
    MenuItem item = new MenuItem(COMPARE_TEXT);
    item.setId("compare-menu-item");
    item.setOnAction(e -> open());
    return item;
  }

  /** A "View" menu holding {@link #item()}. */
  public Menu menu() {
    return new Menu("View", null, item());
  }

  /** Opens the window (or brings the open one to the front) and returns it. */
  public CompareWindow open() {
    if (open != null && open.stage().isShowing()) {
      open.stage().toFront();
      return open;
    }
    CompareViewModel model = new CompareViewModel(modelThread, opener, session.models());
    model.follow(session);
    open = new CompareWindow(owner.get(), model);
    open.show();
    return open;
  }
}

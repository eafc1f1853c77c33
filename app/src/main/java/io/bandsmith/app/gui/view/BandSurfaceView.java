package io.bandsmith.app.gui.view;

import java.util.ArrayList;
import java.util.List;

import org.fxyz3d.geometry.Point3D;
import org.fxyz3d.shapes.composites.PolyLine3D;

import io.bandsmith.app.gui.export.BandDiagramPainter;
import io.bandsmith.app.gui.model.PreviewSettings;
import io.bandsmith.app.gui.preview.PreviewResult;
import io.bandsmith.app.gui.preview.ZoneField;
import io.bandsmith.app.gui.viewmodel.WorkbenchViewModel;
import io.bandsmith.engine.lattice.HexagonalLattice;
import io.bandsmith.engine.lattice.KVector;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * Chosen bands as surfaces over the hexagonal zone (JavaFX triangle meshes), shaded in their band set's colour, with
 * the path Γ-K-M-Γ drawn on each surface and the zone boundary below as FXyz3D poly-lines. Drag to rotate, scroll to zoom.
 * Headless Monocle has no 3D: the meshes are still built (tests read them), the label says why nothing shows.
 */
public final class BandSurfaceView extends StackPane {
    /** Height of the energy axis in scene units (the zone is about 8.4 wide). */
    static final double HEIGHT = 3.5;
    private static final double RX = 4 * Math.PI / 3;
    private static final double RY = 2 * Math.PI / Math.sqrt(3);

    private final WorkbenchViewModel vm;
    private final Group surfaces = new Group();
    private final Rotate tilt = new Rotate(40, Rotate.X_AXIS);
    private final Rotate spin = new Rotate(-20, Rotate.Y_AXIS);
    private final Translate zoom = new Translate(0, 0, -15.5);
    private final Label caption = new Label();
    private final List<MeshView> meshes = new ArrayList<>();
    /** Band numbers with their colours, the energy scale and the axes' colours (a 2D overlay). */
    private final javafx.scene.layout.VBox legend = new javafx.scene.layout.VBox(2);
    private double dragX;
    private double dragY;

    public BandSurfaceView(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("bandSurfaces");
        setMinSize(120, 100);
        Group world = new Group(surfaces);
        world.getTransforms().addAll(tilt, spin);
        AmbientLight ambient = new AmbientLight(Color.color(0.72, 0.72, 0.72));
        PointLight light = new PointLight(Color.color(0.55, 0.55, 0.55));
        light.setTranslateX(-10);
        light.setTranslateY(-30);
        light.setTranslateZ(-20);
        Group root = new Group(world, ambient, light);
        PerspectiveCamera camera = new PerspectiveCamera(true);
        camera.setNearClip(0.1);
        camera.setFarClip(500);
        camera.setFieldOfView(38);
        camera.getTransforms().add(zoom);
        SubScene sub = new SubScene(root, 300, 200, true, SceneAntialiasing.BALANCED);
        sub.setFill(Color.web("#f7f7fa"));
        sub.setCamera(camera);
        Pane holder = new Pane(sub);
        sub.widthProperty().bind(holder.widthProperty());
        sub.heightProperty().bind(holder.heightProperty());
        holder.setMinSize(50, 50);
        legend.setId("surfaceLegend");
        legend.setMouseTransparent(true);
        legend.setStyle("-fx-padding: 4 8 4 8; -fx-background-color: rgba(255,255,255,0.85); -fx-font-size: 11px;");
        legend.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(holder, caption, legend);
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        caption.setStyle("-fx-padding: 4 8 4 8; -fx-font-size: 12px; -fx-text-fill: #333333;");
        caption.setMouseTransparent(true);
        holder.setOnMousePressed(e -> {
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        holder.setOnMouseDragged(e -> {
            spin.setAngle(spin.getAngle() - (e.getSceneX() - dragX) * 0.4);
            tilt.setAngle(Math.max(0, Math.min(89, tilt.getAngle() - (e.getSceneY() - dragY) * 0.3)));
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        holder.setOnScroll(e -> zoom.setZ(Math.max(-80, Math.min(-8, zoom.getZ() + e.getDeltaY() * 0.03))));
        vm.previewProperty().addListener((o, a, b) -> rebuild());
        vm.settingsProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** The meshes currently shown, one per surface band (for tests). */
    public List<MeshView> meshes() {
        return List.copyOf(meshes);
    }

    /** Subdivisions of each sixth of the zone. */
    static final int DIVISIONS = 24;

    /**
     * A band as a triangle mesh over the hexagonal zone: each sixth (the wedge Γ-K-K' rotated by 60° steps) is a
     * triangular grid; energy goes up (-y), k_y goes into the screen (+z). Shaded from the set's colour (low) to a
     * lighter tone (high) through a one-dimensional texture.
     */
    static MeshView surface(ZoneField zone, int band, double lo, double range, Color colour) {
        TriangleMesh mesh = new TriangleMesh();
        int m = DIVISIONS;
        KVector kk = HexagonalLattice.K.k();
        KVector kp = HexagonalLattice.K_PRIME;
        int perSector = (m + 1) * (m + 2) / 2;
        for (int sector = 0; sector < 6; sector++) {
            double t = Math.PI / 3 * sector;
            double c = Math.cos(t);
            double sn = Math.sin(t);
            for (int i = 0; i <= m; i++) {
                for (int j = 0; i + j <= m; j++) {
                    double x0 = (i * kk.kx() + j * kp.kx()) / m;
                    double y0 = (i * kk.ky() + j * kp.ky()) / m;
                    double kx = c * x0 - sn * y0;
                    double ky = sn * x0 + c * y0;
                    double e = (zone.energy(kx, ky, band) - lo) / range;
                    mesh.getPoints().addAll((float) kx, (float) (HEIGHT / 2 - HEIGHT * e), (float) ky);
                    mesh.getTexCoords().addAll((float) Math.max(0.01, Math.min(0.99, e)), 0.5f);
                }
            }
        }
        for (int sector = 0; sector < 6; sector++) {
            int off = sector * perSector;
            for (int i = 0; i < m; i++) {
                for (int j = 0; i + j < m; j++) {
                    int a = off + index(i, j, m);
                    int b = off + index(i + 1, j, m);
                    int c2 = off + index(i, j + 1, m);
                    mesh.getFaces().addAll(a, a, c2, c2, b, b);
                    if (i + j + 2 <= m) {
                        int d = off + index(i + 1, j + 1, m);
                        mesh.getFaces().addAll(b, b, c2, c2, d, d);
                    }
                }
            }
        }
        MeshView view = new MeshView(mesh);
        view.setCullFace(CullFace.NONE);
        PhongMaterial material = new PhongMaterial();
        material.setDiffuseMap(gradient(colour));
        material.setSpecularColor(Color.gray(0.25));
        view.setMaterial(material);
        return view;
    }

    private static int index(int i, int j, int m) {
        return i * (m + 1) - i * (i - 1) / 2 + j;
    }

    private static WritableImage gradient(Color colour) {
        WritableImage img = new WritableImage(64, 2);
        Color low = colour.deriveColor(0, 1, 0.85, 1);
        Color high = colour.interpolate(Color.WHITE, 0.6);
        for (int x = 0; x < 64; x++) {
            Color c = low.interpolate(high, x / 63.0);
            img.getPixelWriter().setColor(x, 0, c);
            img.getPixelWriter().setColor(x, 1, c);
        }
        return img;
    }

    private void rebuild() {
        surfaces.getChildren().clear();
        meshes.clear();
        PreviewResult r = vm.previewProperty().get();
        PreviewSettings s = vm.settingsProperty().get();
        boolean has3d = Platform.isSupported(ConditionalFeature.SCENE3D);
        legend.getChildren().clear();
        if (r == null) {
            caption.setText("3D bands: computing…");
            return;
        }
        ZoneField zone = r.zone();
        List<Integer> bands = new ArrayList<>();
        for (int b : s.surfaceBands()) {
            if (b - 1 < zone.bandCount()) {
                bands.add(b - 1);
            }
        }
        if (bands.isEmpty()) {
            caption.setText("3D bands: choose bands to show");
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = zone.divisions();
        for (int b : bands) {
            for (int i = 0; i <= n; i++) {
                for (int j = 0; i + j <= n; j++) {
                    lo = Math.min(lo, zone.gridEnergy(i, j, b));
                    hi = Math.max(hi, zone.gridEnergy(i, j, b));
                }
            }
        }
        double range = Math.max(hi - lo, 1e-9);
        double eLo = lo;
        for (int b : bands) {
            int inSet = b - r.setOf(b).first();
            Color base = Color.web(BandDiagramPainter.colourOf(r, b));
            if (inSet > 0) {
                base = base.interpolate(Color.WHITE, Math.min(0.5, 0.22 * inSet));
            }
            MeshView mesh = surface(zone, b, eLo, range, base);
            meshes.add(mesh);
            surfaces.getChildren().add(mesh);
            surfaces.getChildren().add(pathOn(zone, b, eLo, range));
        }
        // the zone boundary under the surfaces
        List<Point3D> hex = new ArrayList<>();
        for (int k = 0; k <= 6; k++) {
            double t = Math.PI / 3 * k;
            hex.add(new Point3D((float) (RX * Math.cos(t)), (float) (HEIGHT / 2 + 0.3), (float) (RX * Math.sin(t))));
        }
        surfaces.getChildren().add(new PolyLine3D(hex, 0.06f, Color.web("#444444")));
        addAxes(eLo, hi, r.path().vmax());
        legend.getChildren().clear();
        for (int b : bands) {
            javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(12, 10,
                    Color.web(BandDiagramPainter.colourOf(r, b)));
            Label l = new Label("band " + (b + 1), swatch);
            l.setId("surfaceBand" + (b + 1));
            legend.getChildren().add(l);
        }
        Label scale = new Label(String.format(java.util.Locale.ROOT, "E (blue axis): %s … %s E0",
                io.bandsmith.app.gui.viewmodel.Numbers.significant(eLo, r.path().vmax()),
                io.bandsmith.app.gui.viewmodel.Numbers.significant(hi, r.path().vmax())));
        scale.setId("surfaceEnergyScale");
        Label axes = new Label("k_x red, k_y green (from Γ, 1/a)");
        legend.getChildren().addAll(scale, axes);
        StringBuilder names = new StringBuilder();
        for (int b : bands) {
            names.append(names.length() == 0 ? "" : ", ").append(b + 1);
        }
        caption.setText("3D: bands " + names + " over the zone, path Γ-K-M-Γ in black · drag to rotate, scroll to zoom"
                + (has3d ? "" : " · (no 3D on this graphics pipeline)"));
    }

    /**
     * Axes from Γ: k_x (red) and k_y (green) in the plane under the surfaces, out to 1.15 |K|; the energy axis
     * (blue) upright at K' with ticks at the lowest, middle and highest energy shown.
     */
    private void addAxes(double lo, double hi, double vmax) {
        float base = (float) (HEIGHT / 2 + 0.3);
        float len = (float) (1.15 * RX);
        surfaces.getChildren().add(new PolyLine3D(List.of(new Point3D(0, base, 0), new Point3D(len, base, 0)), 0.05f,
                Color.web("#d32f2f")));
        surfaces.getChildren().add(new PolyLine3D(List.of(new Point3D(0, base, 0), new Point3D(0, base, len)), 0.05f,
                Color.web("#2e7d32")));
        float x = (float) (-RX);
        surfaces.getChildren().add(new PolyLine3D(List.of(new Point3D(x, base, 0),
                new Point3D(x, (float) (-HEIGHT / 2), 0)), 0.05f, Color.web("#1565c0")));
        for (int t = 0; t <= 2; t++) {
            float y = (float) (HEIGHT / 2 - HEIGHT * t / 2.0);
            surfaces.getChildren().add(new PolyLine3D(List.of(new Point3D(x - 0.25f, y, 0), new Point3D(x + 0.25f, y,
                    0)), 0.04f, Color.web("#1565c0")));
        }
    }

    private PolyLine3D pathOn(ZoneField zone, int band, double lo, double range) {
        KVector[] corners = {KVector.ZERO, HexagonalLattice.K.k(), HexagonalLattice.M.k(), KVector.ZERO};
        List<Point3D> pts = new ArrayList<>();
        for (int c = 0; c + 1 < corners.length; c++) {
            for (int t = 0; t <= 20; t++) {
                double f = t / 20.0;
                double kx = corners[c].kx() + f * (corners[c + 1].kx() - corners[c].kx());
                double ky = corners[c].ky() + f * (corners[c + 1].ky() - corners[c].ky());
                double y = -HEIGHT * (zone.energy(kx, ky, band) - lo) / range + HEIGHT / 2 - 0.06;
                pts.add(new Point3D((float) kx, (float) y, (float) ky));
            }
        }
        return new PolyLine3D(pts, 0.09f, Color.BLACK);
    }
}

package io.bandsmith.app.gui.view;

import java.util.ArrayList;
import java.util.List;

import org.fxyz3d.geometry.Point3D;
import org.fxyz3d.shapes.composites.PolyLine3D;
import org.fxyz3d.shapes.primitives.SurfacePlotMesh;

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
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * Chosen bands as FXyz3D surfaces over the zone (the hexagon's bounding box, repeated-zone scheme), coloured by their
 * band set, with the path Γ-K-M-Γ drawn on each surface and the zone boundary below. Drag to rotate, scroll to zoom.
 * Headless Monocle has no 3D: the meshes are still built (tests read them), the label says why nothing shows.
 */
public final class BandSurfaceView extends StackPane {
    /** Height of the energy axis in scene units (the zone is about 8.4 wide). */
    static final double HEIGHT = 5.0;
    private static final double RX = 4 * Math.PI / 3;
    private static final double RY = 2 * Math.PI / Math.sqrt(3);

    private final WorkbenchViewModel vm;
    private final Group surfaces = new Group();
    private final Rotate tilt = new Rotate(-32, Rotate.X_AXIS);
    private final Rotate spin = new Rotate(-25, Rotate.Y_AXIS);
    private final Translate zoom = new Translate(0, 0, -17);
    private final Label caption = new Label();
    private final List<SurfacePlotMesh> meshes = new ArrayList<>();
    private double dragX;
    private double dragY;

    public BandSurfaceView(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("bandSurfaces");
        setMinSize(120, 100);
        Group world = new Group(surfaces);
        world.getTransforms().addAll(tilt, spin);
        AmbientLight ambient = new AmbientLight(Color.color(0.55, 0.55, 0.55));
        PointLight light = new PointLight(Color.color(0.75, 0.75, 0.75));
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
        getChildren().addAll(holder, caption);
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        caption.setStyle("-fx-padding: 4 8 4 8; -fx-font-size: 12px; -fx-text-fill: #333333;");
        caption.setMouseTransparent(true);
        holder.setOnMousePressed(e -> {
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        holder.setOnMouseDragged(e -> {
            spin.setAngle(spin.getAngle() - (e.getSceneX() - dragX) * 0.4);
            tilt.setAngle(Math.max(-89, Math.min(0, tilt.getAngle() + (e.getSceneY() - dragY) * 0.3)));
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        holder.setOnScroll(e -> zoom.setZ(Math.max(-80, Math.min(-8, zoom.getZ() + e.getDeltaY() * 0.03))));
        vm.previewProperty().addListener((o, a, b) -> rebuild());
        vm.settingsProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** The meshes currently shown, one per surface band (for tests). */
    public List<SurfacePlotMesh> meshes() {
        return List.copyOf(meshes);
    }

    private void rebuild() {
        surfaces.getChildren().clear();
        meshes.clear();
        PreviewResult r = vm.previewProperty().get();
        PreviewSettings s = vm.settingsProperty().get();
        boolean has3d = Platform.isSupported(ConditionalFeature.SCENE3D);
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
            SurfacePlotMesh mesh = new SurfacePlotMesh(
                    p -> -HEIGHT * (zone.energy(p.getX(), p.getY(), b) - eLo) / range, 2 * RX, 2 * RY, 64, 56, 1.0);
            // the set's colour, lighter for each further band of the same set so that its bands stay apart
            int inSet = b - r.setOf(b).set().first();
            Color base = Color.web(BandDiagramPainter.colourOf(r, b));
            mesh.setTextureModeNone(inSet == 0 ? base : base.interpolate(Color.WHITE, Math.min(0.6, 0.35 * inSet)));
            mesh.setTranslateY(HEIGHT / 2);
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
        StringBuilder names = new StringBuilder();
        for (int b : bands) {
            names.append(names.length() == 0 ? "" : ", ").append(b + 1);
        }
        caption.setText("3D: bands " + names + " over the zone, path Γ-K-M-Γ in black · drag to rotate, scroll to zoom"
                + (has3d ? "" : " · (no 3D on this graphics pipeline)"));
    }

    private PolyLine3D pathOn(ZoneField zone, int band, double lo, double range) {
        KVector[] corners = {KVector.ZERO, HexagonalLattice.K.k(), HexagonalLattice.M.k(), KVector.ZERO};
        List<Point3D> pts = new ArrayList<>();
        for (int c = 0; c + 1 < corners.length; c++) {
            for (int t = 0; t <= 20; t++) {
                double f = t / 20.0;
                double kx = corners[c].kx() + f * (corners[c + 1].kx() - corners[c].kx());
                double ky = corners[c].ky() + f * (corners[c + 1].ky() - corners[c].ky());
                double y = -HEIGHT * (zone.energy(kx, ky, band) - lo) / range + HEIGHT / 2 - 0.03;
                pts.add(new Point3D((float) kx, (float) y, (float) ky));
            }
        }
        return new PolyLine3D(pts, 0.05f, Color.BLACK);
    }
}

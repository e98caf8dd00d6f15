package io.baton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Sequence flows drawn on top of each other: two different flows whose edges share a straight
 * stretch longer than {@link #TOLERANCE}, so a reader cannot tell where either one goes. Flows that
 * cross, or touch at one point (joining at a gateway), do not count.
 */
final class FlowOverlaps {

  /** Diagram units (pixels in Modeler) within which two points are taken as the same. */
  static final double TOLERANCE = 1.0;

  private FlowOverlaps() {}

  static List<String> in(BpmnModelInstance model) {
    List<Line> lines = lines(model);
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      for (int j = i + 1; j < lines.size(); j++) {
        Line a = lines.get(i);
        Line b = lines.get(j);
        if (!a.flow().equals(b.flow())) {
          a.sharedStretch(b).ifPresent(overlaps::add);
        }
      }
    }
    return overlaps.stream().distinct().toList();
  }

  private static List<Line> lines(BpmnModelInstance model) {
    List<Line> lines = new ArrayList<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() instanceof SequenceFlow flow) {
        List<Waypoint> points = List.copyOf(edge.getWaypoints());
        for (int k = 1; k < points.size(); k++) {
          Waypoint from = points.get(k - 1);
          Waypoint to = points.get(k);
          lines.add(new Line(flow.getId(), from.getX(), from.getY(), to.getX(), to.getY()));
        }
      }
    }
    return lines;
  }

  /** One straight segment of a flow's edge. */
  private record Line(String flow, double x1, double y1, double x2, double y2) {

    double length() {
      return Math.hypot(x2 - x1, y2 - y1);
    }

    /** The stretch {@code other} runs along this line, described, if longer than the tolerance. */
    Optional<String> sharedStretch(Line other) {
      double length = length();
      if (length <= TOLERANCE || other.length() <= TOLERANCE) {
        return Optional.empty();
      }
      double dx = (x2 - x1) / length;
      double dy = (y2 - y1) / length;
      if (distance(other.x1, other.y1, dx, dy) > TOLERANCE
          || distance(other.x2, other.y2, dx, dy) > TOLERANCE) {
        return Optional.empty();
      }
      double a = along(other.x1, other.y1, dx, dy);
      double b = along(other.x2, other.y2, dx, dy);
      double start = Math.max(0, Math.min(a, b));
      double end = Math.min(length, Math.max(a, b));
      if (end - start <= TOLERANCE) {
        return Optional.empty();
      }
      return Optional.of(
          String.format(
              "'%s' and '%s' are drawn over each other from (%.0f,%.0f) to (%.0f,%.0f)",
              flow, other.flow, x1 + dx * start, y1 + dy * start, x1 + dx * end, y1 + dy * end));
    }

    private double distance(double x, double y, double dx, double dy) {
      return Math.abs((x - x1) * dy - (y - y1) * dx);
    }

    private double along(double x, double y, double dx, double dy) {
      return (x - x1) * dx + (y - y1) * dy;
    }
  }
}

package io.bandsmith.models.xas.dataset;

/** A file a dataset build left out, and why (never silently). */
public record SkippedFile(String file, String reason) {
}

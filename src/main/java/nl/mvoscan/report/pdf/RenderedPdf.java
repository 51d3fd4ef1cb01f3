package nl.mvoscan.report.pdf;

/** A finished PDF and its number of pages. */
public record RenderedPdf(byte[] bytes, int pages) {}

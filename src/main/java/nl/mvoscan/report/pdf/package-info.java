/**
 * PDF reports (student, class) drawn with OpenPDF and JFreeChart: the only place that knows about
 * PDF.
 */
package nl.mvoscan.report.pdf;

package org.markguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.Reports;

class ReportFilesTest {
    @TempDir
    Path dir;

    static final Reports.DailyReport DAILY = new Reports.DailyReport(LocalDate.of(2026, 12, 1), "Asia/Ho_Chi_Minh",
            new Reports.Totals(42, 7, 3, 1, 12),
            Map.of("kind", List.of(new Reports.Count("TRADEMARK", 30), new Reports.Count("GEOGRAPHICAL_INDICATION", 12)),
                    "platform", List.of(new Reports.Count("shopee", 25), new Reports.Count("lazada", 17)),
                    "productGroup", List.of(new Reports.Count("food-specialties", 20)),
                    "province", List.of(new Reports.Count("Hồ Chí Minh", 9), new Reports.Count("Đắk Lắk", 4))),
            List.of(new Reports.Account("shopee:shop-1", "shopee", "shop-1", "Cửa hàng Nước mắm Phú Quốc", 5, 1)));

    static final Reports.PeriodReport PERIOD = new Reports.PeriodReport(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31),
            LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31), "Asia/Ho_Chi_Minh",
            List.of(Reports.Measure.of("detected", "", 120, 100), Reports.Measure.of("confirmed", "", 30, 0),
                    Reports.Measure.of("detected.platform", "shopee", 70, 50)));

    @Test
    void theDailyReportAsXlsxHasEveryRowAndOpensInPoi() throws Exception {
        ReportFiles.File f = ReportFiles.daily(DAILY, "xlsx", "vi");
        assertEquals(Tables.XLSX_TYPE, f.contentType());
        assertEquals("daily-report-2026-12-01-vi.xlsx", f.fileName());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(f.bytes()))) {
            var sheet = book.getSheetAt(0);
            assertEquals("Mục", sheet.getRow(0).getCell(0).getStringCellValue());
            // 5 totals + 2 + 2 + 1 + 2 breakdown rows + 1 top account
            assertEquals(13, sheet.getLastRowNum());
            assertEquals("42", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals("Đắk Lắk", sheet.getRow(12).getCell(1).getStringCellValue());
        }
    }

    @Test
    void thePeriodReportReadsThePercentChangeOff() throws Exception {
        String csv = new String(ReportFiles.period(PERIOD, "csv", "en").bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"New detected cases\",\"\",\"120\",\"100\",\"+20.0\""), csv);
        assertTrue(csv.contains("\"Confirmed\",\"\",\"30\",\"0\",\"\""), "no percentage against a zero baseline: " + csv);
        assertTrue(csv.contains("\"New detected cases — Platform\",\"shopee\",\"70\",\"50\",\"+40.0\""), csv);
    }

    @Test
    void pdfReportsCarryTheirVietnameseTextIntact() throws Exception {
        String text = pdfText(ReportFiles.daily(DAILY, "pdf", "vi").bytes());
        for (String expected : List.of("Báo cáo nhanh ngày 2026-12-01", "Vụ việc phát hiện mới", "Cửa hàng Nước mắm Phú Quốc",
                "Đắk Lắk", "Tài khoản có nhiều vụ việc mới nhất")) {
            assertTrue(text.contains(expected), expected + " missing from:\n" + text);
        }
        String period = pdfText(ReportFiles.period(PERIOD, "pdf", "en").bytes());
        assertTrue(period.contains("Period report, 2026-05-01 to 2026-05-31") && period.contains("+20.0"), period);
        Reports.HotspotReport hot = new Reports.HotspotReport(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "UTC",
                List.of(new Reports.Hotspot("seller", "shopee:s1", "Shop Một", 4, 1, List.of("shopee"))), List.of(),
                List.of(new Reports.Hotspot("province", "An Giang", "An Giang", 6, 3, List.of("shopee", "lazada"))));
        String hotText = pdfText(ReportFiles.hotspots(hot, "pdf", "vi").bytes());
        assertTrue(hotText.contains("Điểm nóng vi phạm") && hotText.contains("Shop Một") && hotText.contains("An Giang"), hotText);
    }

    private String pdfText(byte[] pdf) throws Exception {
        Path file = dir.resolve("r.pdf");
        Files.write(file, pdf);
        Path out = dir.resolve("r.txt");
        Process p;
        try {
            p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), out.toString()).inheritIO().start();
        } catch (java.io.IOException e) {
            throw new AssertionError("pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils)", e);
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext failed");
        return Normalizer.normalize(Files.readString(out, StandardCharsets.UTF_8), Normalizer.Form.NFC);
    }
}

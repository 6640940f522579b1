package org.markguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TablesTest {
    private static final List<String> HEADERS = List.of("name", "note");
    private static final List<List<String>> ROWS = List.of(
            List.of("Cửa hàng Nước mắm Phú Quốc", "=HYPERLINK(\"http://evil\",\"x\")"),
            List.of("<script>alert(1)</script>", "tab\there \u0001 \uD800 & \"q\""),
            List.of("", "+1 @x -2"));

    @Test
    void xlsxOpensInApachePoiWithTheSameTextAndNoFormula() throws Exception {
        byte[] bytes = Tables.xlsx("suspicious accounts", HEADERS, ROWS);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("suspicious accounts", sheet.getSheetName());
            assertEquals("name", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Cửa hàng Nước mắm Phú Quốc", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(1).getCellType(), "a formula-looking cell stays text");
            assertEquals("=HYPERLINK(\"http://evil\",\"x\")", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("<script>alert(1)</script>", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("tab\there   & \"q\"", sheet.getRow(2).getCell(1).getStringCellValue(), "XML-illegal characters dropped");
            assertEquals(3, sheet.getLastRowNum());
        }
    }

    @Test
    void csvQuotesEveryCellAndDefusesFormulas() {
        String csv = new String(Tables.csv(HEADERS, ROWS), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF\"name\",\"note\"\r\n"), csv);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), csv);
        assertTrue(csv.contains("\"'+1 @x -2\""), csv);
    }

    @Test
    void columnNames() {
        assertEquals("A", Tables.column(0));
        assertEquals("Z", Tables.column(25));
        assertEquals("AA", Tables.column(26));
        assertEquals("BA", Tables.column(52));
    }
}

package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactExtractionTest {
    @Test
    void mobileNumbersInTheirUsualSpellingsAreOneNumber() {
        assertEquals(List.of("0912345678"), ContactExtraction.phones("Liên hệ zalo 0912.345.678 hoặc +84 912 345 678",
                "gọi 84912345678"));
        assertEquals(List.of("0388123456", "0987654321"), ContactExtraction.phones("SĐT: 0987-654-321, 038 8123 456"));
        assertEquals(List.of(), ContactExtraction.phones("Mã SP 1234567890123, giá 350000, năm 2024"));
        assertEquals(List.of(), ContactExtraction.phones("0212345678 is a landline; 09123456789 has a digit too many"));
    }

    @Test
    void bankAccountsAreThoseNamedAsSuch() {
        assertEquals(List.of("0071000123456"), ContactExtraction.bankAccounts("Chuyển khoản STK: 0071 000 123 456 Vietcombank"));
        assertEquals(List.of("19036677889900"), ContactExtraction.bankAccounts("Số tài khoản 19036677889900 Techcombank"));
        assertEquals(List.of(), ContactExtraction.bankAccounts("Tài khoản Momo 0912345678"), "a phone, not an account");
        assertEquals(List.of(), ContactExtraction.bankAccounts("Mã đơn 123456789"));
    }

    @Test
    void longDescriptionsHashTheSameWhateverTheirSpacingAndMarks() {
        String a = "Hàng xách tay chính hãng, bảo hành 12 tháng, đổi trả trong 7 ngày nếu lỗi nhà sản xuất. Giao hàng toàn quốc.";
        String b = "HANG XACH TAY CHINH HANG   bao hanh 12 thang, doi tra trong 7 ngay neu loi nha san xuat - giao hang toan quoc";
        assertNotNull(ContactExtraction.descriptionHash(a));
        assertEquals(ContactExtraction.descriptionHash(a), ContactExtraction.descriptionHash(b));
        assertNull(ContactExtraction.descriptionHash("Hàng mới 100%"));
    }
}

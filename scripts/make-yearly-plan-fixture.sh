#!/usr/bin/env bash
# Builds the yearly plan fixtures of `tests/task_import.rs` the way an office
# makes them: a CSV opened in a spreadsheet program (LibreOffice, headless)
# and saved as .xlsx, so the workbooks are a spreadsheet program's own, with
# its shared strings, styles and real date cells (the deadline column is
# read as day/month/year, as a Vietnamese office's Excel reads it).
#
#   tests/fixtures/ke-hoach-cchc-2027.xlsx      row 7 names "Phòng Tư pháp",
#                                                no unit of the commune
#   tests/fixtures/ke-hoach-cchc-2027-sua.xlsx  the same, row 7 corrected
#
# 20 tasks in sections I.–VI. (the plan's areas 1–6); units written the way
# people write them, deadlines in the forms plans use.
#
# Usage: scripts/make-yearly-plan-fixture.sh
# Needs LibreOffice (apt-get install libreoffice-calc-nogui); installs nothing.

set -euo pipefail

cd "$(dirname "$0")/.."
out=tests/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# $1: the lead unit of row 7.
plan_csv() {
    cat <<CSV
KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027 CỦA UBND XÃ HÀ ĐÔNG,,,,,
(Kèm theo Kế hoạch số 215/KH-UBND ngày 15 tháng 12 năm 2026 của UBND xã Hà Đông),,,,,
STT,Nội dung nhiệm vụ,"Đơn vị
chủ trì",Đơn vị phối hợp,"Thời gian
hoàn thành",Sản phẩm / Ghi chú
(1),(2),(3),(4),(5),(6)
I,CẢI CÁCH THỂ CHẾ,,,,
1,"Xây dựng, ban hành Kế hoạch kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2027",Văn phòng HĐND và UBND,"Phòng Kinh tế, Phòng VH-XH",Tháng 2/2027,Kế hoạch của UBND xã
2,"Tự kiểm tra, rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành; kịp thời xử lý văn bản trái pháp luật, hết hiệu lực",$1,"Các phòng, ban, đơn vị liên quan",Quý IV/2027,Báo cáo kết quả rà soát
3,Theo dõi tình hình thi hành pháp luật trên địa bàn xã,Văn phòng HĐND - UBND,UBMTTQ,Thường xuyên,Báo cáo theo dõi thi hành pháp luật
II,CẢI CÁCH THỦ TỤC HÀNH CHÍNH,,,,
1,"Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã; đề xuất cắt giảm, đơn giản hóa",Trung tâm PVHCC,Văn phòng HĐND và UBND; Phòng Kinh tế,30/06/2027,Báo cáo rà soát
2,"Công khai đầy đủ, kịp thời thủ tục hành chính tại Trung tâm Phục vụ hành chính công và trên Trang thông tin điện tử của xã",TTPVHCC,VP,Thường xuyên,
3,"Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính",Văn phòng HĐND và UBND,Trung tâm Phục vụ hành chính công,Hằng quý,Báo cáo quý
4,"Đo lường, đánh giá mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính",Trung tâm Phục vụ hành chính công,Phòng Văn hóa - Xã hội,Tháng 11 năm 2027,Báo cáo kết quả khảo sát
III,CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC,,,,
1,"Rà soát chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức của các phòng chuyên môn thuộc UBND xã",Phòng Văn hóa - Xã hội,"Văn phòng HĐND và UBND, Phòng Kinh tế",Quý II/2027,Tờ trình
2,Xây dựng Đề án vị trí việc làm của các đơn vị sự nghiệp công lập thuộc UBND xã,VHXH,Trung tâm DVSNC,31/8/2027,Đề án
3,Kiện toàn tổ chức và hoạt động của Trung tâm Dịch vụ sự nghiệp công xã,Trung tâm Dịch vụ sự nghiệp công,Phòng VHXH; Phòng Kinh tế,Quý 3 năm 2027,Quyết định kiện toàn
IV,CẢI CÁCH CHẾ ĐỘ CÔNG VỤ,,,,
1,"Xây dựng và thực hiện Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2027",Phòng VH-XH,Văn phòng HĐND và UBND,Tháng 3/2027,Kế hoạch
2,"Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm 2027",Phòng Văn hóa - Xã hội,Các đơn vị liên quan,Năm 2027,
3,"Kiểm tra công vụ, kỷ luật, kỷ cương hành chính tại Trung tâm Phục vụ hành chính công và các phòng chuyên môn",VHXH,VP HĐND và UBND; Mặt trận Tổ quốc,Hằng quý,Thông báo kết quả kiểm tra
V,CẢI CÁCH TÀI CHÍNH CÔNG,,,,
1,Xây dựng và ban hành Quy chế chi tiêu nội bộ năm 2027,Phòng Kinh tế,Văn phòng HĐND và UBND,31/01/2027,Quy chế
2,"Công khai dự toán, quyết toán ngân sách xã theo quy định",KT,,Hằng năm,
3,"Rà soát, sắp xếp, xử lý trụ sở, tài sản công sau sắp xếp đơn vị hành chính",Phòng Kinh tế,"VP, TTDVSNC",Quý II/2027,Phương án sắp xếp
VI,"XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ",,,,
1,"Duy trì, cập nhật thông tin trên Trang thông tin điện tử của xã",Văn phòng HĐND và UBND,Phòng VHXH,Thường xuyên,
2,"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo Đề án 06",Trung tâm PVHCC,Văn phòng HĐND và UBND; Phòng Văn hóa - Xã hội,30/09/2027,Dữ liệu số hóa
3,"Duy trì, cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015",VHXH,"Trung tâm Phục vụ hành chính công, VP",Tháng 12/2027,Công bố hệ thống
4,"Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh toán trực tuyến",Trung tâm PVHCC,UBMTTQ và các đoàn thể; Phòng VHXH,Hằng quý,
CSV
}

# Comma-separated, UTF-8 (76), first line 1; columns: A standard, B-D text,
# E day/month/year dates, F text; Vietnamese (1066).
filter='CSV:44,34,76,1,1/1/2/2/3/2/4/2/5/4/6/2,1066'

convert() {
    local name=$1 lead=$2
    plan_csv "$lead" >"$work/$name.csv"
    soffice --headless -env:UserInstallation="file://$work/profile" \
        --infilter="$filter" --convert-to xlsx --outdir "$work" "$work/$name.csv" >/dev/null
    cp "$work/$name.xlsx" "$out/$name.xlsx"
    echo "$out/$name.xlsx"
}

mkdir -p "$out"
convert ke-hoach-cchc-2027 "Phòng Tư pháp"
convert ke-hoach-cchc-2027-sua "Văn phòng HĐND và UBND"

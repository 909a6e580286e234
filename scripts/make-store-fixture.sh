#!/bin/sh
# Builds a store the way an office would have filled it, with the cchc given
# as $1, into the folder $2: a fixture of that build's schema for the tests
# (tests/fixtures/store-schema-N, made with the last build of schema N).
# Every kind of record is written: task states with notes and documents, a
# lead moved, a deadline moved, a target's result and baseline, a meeting,
# an agenda flag, a report's text.
set -eu
cchc=$1
dir=$2
export CCHC_TODAY=2027-03-10 CCHC_LANG=vi
run() { "$cchc" --data-dir "$dir" "$@" >/dev/null; }
run set 1.a.1 --status "đang thực hiện" --progress 40 --note "Đã rà soát 12 văn bản"
run set 1.a.1 --note "Chờ ý kiến của Phòng Kinh tế"
run evidence add 1.a.1 --doc "123/QĐ-UBND" --date 12/05/2026 --title "Quyết định công bố kết quả rà soát"
run set 2.b.4 --lead VHXH
run set 3.d --due 31/03/2028 --reason "Chờ hướng dẫn của thành phố"
run set 0.22@2026 --status done --done-on 30/12/2026
run target set T04 87,5 --date 28/02/2027 --note "Số liệu Cổng DVC quốc gia"
run target baseline T04 40 --source "Báo cáo CCHC năm 2025 của UBND xã"
run meeting new --date 05/03/2027 --title "Họp giao ban CCHC quý I"
run period note --period 2027-Q1 --section uu-diem "Hoàn thành đúng hạn các báo cáo định kỳ."
# Schema 5 on: the office's own tasks, an officer, a withdrawn note.
if "$cchc" task add --help >/dev/null 2>&1; then
  run task add --title "Rà soát quy trình tiếp nhận hồ sơ trực tuyến năm 2027" --area 2 --lead TTPVHCC --due 30/06/2027 --source "Kế hoạch số 12/KH-UBND ngày 15/01/2027"
  run task add --title "Báo cáo nhanh kết quả số hóa hồ sơ" --area 6 --lead VP --cadence quarterly
  run task retire BS-2 --reason "Gộp vào báo cáo định kỳ"
  run set 1.a.1 --assignee "Nguyễn Thị Lan"
  run note withdraw 1.a.1 2 --reason "Ghi nhầm"
fi

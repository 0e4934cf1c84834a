# shellcheck shell=bash
# The table `up` and `status` print: what runs where. Returns 0 when every component is healthy.

print_status_table() {
  local healthy=0
  print_table_header
  postgres_status_row || healthy=1
  redis_status_row || healthy=1
  kafka_status_row || healthy=1
  services_status_rows || healthy=1
  return "$healthy"
}

/**
 * attendance-service: face attendance behind the API the Odoo Face Attendance module consumes
 * (seed 004), packages by feature.
 */
package com.customk9.attendance;

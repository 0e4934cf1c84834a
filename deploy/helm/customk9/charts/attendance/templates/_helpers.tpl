{{/*
TCP ports attendance-service opens connections to, as a JSON list of integers: the port of
global.postgresql, of every global.kafka bootstrap server, then networkPolicy.extraEgressPorts;
without duplicates. It calls neither Odoo nor auth-service (it checks its own API keys).
*/}}
{{- define "attendance.egressPorts" -}}
{{- $global := .Values.global -}}
{{- $ports := list (int $global.postgresql.port) -}}
{{- range splitList "," $global.kafka.bootstrapServers -}}
{{- $ports = append $ports (int (regexFind "[0-9]+$" (trim .))) -}}
{{- end -}}
{{- range .Values.networkPolicy.extraEgressPorts -}}
{{- $ports = append $ports (int .) -}}
{{- end -}}
{{- $ports | uniq | toJson -}}
{{- end -}}

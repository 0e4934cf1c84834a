{{/* The JWKS URL: jwksUrl, else auth-service of this release. */}}
{{- define "training.jwksUrl" -}}
{{- if .Values.jwksUrl -}}
{{- .Values.jwksUrl -}}
{{- else -}}
http://{{ printf "%s-auth" .Release.Name | trunc 63 | trimSuffix "-" }}:8080/.well-known/jwks.json
{{- end -}}
{{- end -}}

{{/*
TCP ports training-service opens connections to, as a JSON list of integers: the ports of
global.postgresql, global.redis, every global.kafka bootstrap server, global.odoo.url (80 or 443
when the URL names none), auth-service's pod port (8081, the JWKS), then
networkPolicy.extraEgressPorts; without duplicates.
*/}}
{{- define "training.egressPorts" -}}
{{- $global := .Values.global -}}
{{- $ports := list (int $global.postgresql.port) (int $global.redis.port) -}}
{{- range splitList "," $global.kafka.bootstrapServers -}}
{{- $ports = append $ports (int (regexFind "[0-9]+$" (trim .))) -}}
{{- end -}}
{{- $odoo := urlParse $global.odoo.url -}}
{{- $odooPort := regexFind ":[0-9]+$" $odoo.host | trimPrefix ":" -}}
{{- $ports = append $ports (int ($odooPort | default (ternary "443" "80" (eq $odoo.scheme "https")))) -}}
{{- $ports = append $ports 8081 -}}
{{- range .Values.networkPolicy.extraEgressPorts -}}
{{- $ports = append $ports (int .) -}}
{{- end -}}
{{- $ports | uniq | toJson -}}
{{- end -}}

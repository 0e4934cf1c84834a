{{/* Where the JWT signing keys Secret is mounted (CUSTOMK9_AUTH_JWT_KEY_DIRECTORY). */}}
{{- define "auth.keyDirectory" -}}
/etc/customk9/jwt
{{- end -}}

{{/*
TCP ports auth-service opens connections to, as a JSON list of integers: the ports of
global.postgresql, global.redis, every global.kafka bootstrap server and global.odoo.url (80 or
443 when the URL names none), then networkPolicy.extraEgressPorts; without duplicates.
*/}}
{{- define "auth.egressPorts" -}}
{{- $global := .Values.global -}}
{{- $ports := list (int $global.postgresql.port) (int $global.redis.port) -}}
{{- range splitList "," $global.kafka.bootstrapServers -}}
{{- $ports = append $ports (int (regexFind "[0-9]+$" (trim .))) -}}
{{- end -}}
{{- $odoo := urlParse $global.odoo.url -}}
{{- $odooPort := regexFind ":[0-9]+$" $odoo.host | trimPrefix ":" -}}
{{- $ports = append $ports (int ($odooPort | default (ternary "443" "80" (eq $odoo.scheme "https")))) -}}
{{- range .Values.networkPolicy.extraEgressPorts -}}
{{- $ports = append $ports (int .) -}}
{{- end -}}
{{- $ports | uniq | toJson -}}
{{- end -}}

{{/*
Shared named templates of the customk9 umbrella chart.

Helm named templates are global across a chart and its subcharts, so every service subchart in
charts/ calls these exactly as the umbrella does. They read only the caller's own .Chart,
.Release and .Values, plus .Values.global (which Helm passes to every subchart): that is why
the infrastructure settings live under `global`.
*/}}

{{/* Name of the chart (or of the calling subchart), or .Values.nameOverride. */}}
{{- define "customk9.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name for the objects of the calling chart: "<release>-<chart>", or the release
name alone when it already contains the chart name. Truncated to the 63 characters of a DNS label.
*/}}
{{- define "customk9.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, as the helm.sh/chart label wants them. */}}
{{- define "customk9.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the pods of the calling chart; never change them on a running release. */}}
{{- define "customk9.selectorLabels" -}}
app.kubernetes.io/name: {{ include "customk9.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every object: the recommended app.kubernetes.io/* set plus global.commonLabels. */}}
{{- define "customk9.labels" -}}
helm.sh/chart: {{ include "customk9.chart" . }}
{{ include "customk9.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: customk9
{{- with (.Values.global | default dict).commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Image of the calling service: [global.image.registry/]image.repository:tag, the tag being
image.tag, else global.image.tag, else the chart's appVersion.
*/}}
{{- define "customk9.image" -}}
{{- $image := .Values.image | default dict }}
{{- $globalImage := (.Values.global | default dict).image | default dict }}
{{- $repository := required "image.repository is required" $image.repository }}
{{- $tag := $image.tag | default $globalImage.tag | default .Chart.AppVersion }}
{{- with $globalImage.registry }}{{ trimSuffix "/" . }}/{{ end }}{{ $repository }}:{{ $tag }}
{{- end }}

{{/* Pull policy of the calling service: image.pullPolicy, else global.image.pullPolicy. */}}
{{- define "customk9.imagePullPolicy" -}}
{{- $image := .Values.image | default dict }}
{{- $globalImage := (.Values.global | default dict).image | default dict }}
{{- $image.pullPolicy | default $globalImage.pullPolicy | default "IfNotPresent" }}
{{- end }}

{{/* imagePullSecrets block of a pod spec, from global.imagePullSecrets (names); empty if none. */}}
{{- define "customk9.imagePullSecrets" -}}
{{- with (.Values.global | default dict).imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Pod securityContext meeting the "restricted" Pod Security Standard.
Usage: securityContext: {{- include "customk9.podSecurityContext" . | nindent 8 }}
*/}}
{{- define "customk9.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
Container securityContext meeting the "restricted" Pod Security Standard, with a read-only root
filesystem (mount an emptyDir where the service must write, e.g. /tmp).
Usage: securityContext: {{- include "customk9.containerSecurityContext" . | nindent 12 }}
*/}}
{{- define "customk9.containerSecurityContext" -}}
runAsNonRoot: true
privileged: false
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
Environment of a Quarkus service using the external PostgreSQL (reactive client), one database
per service. Credentials come from global.postgresql.existingSecret, or from the Secret the
service names itself. With "jdbc" true it also sets the JDBC URL (for Flyway migrations), with
the same sslmode.
Usage: env: {{- include "customk9.env.postgresql" (dict "context" . "database" "training") | nindent 12 }}
       optional: "existingSecret" "training-postgresql", "jdbc" true
*/}}
{{- define "customk9.env.postgresql" -}}
{{- $ctx := required "customk9.env.postgresql: pass (dict \"context\" . \"database\" NAME)" .context }}
{{- $database := required "customk9.env.postgresql: a database name is required" .database }}
{{- $pg := required "global.postgresql is not set: render services through the customk9 chart" $ctx.Values.global.postgresql }}
{{- $secret := .existingSecret | default $pg.existingSecret -}}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ printf "postgresql://%s:%d/%s" $pg.host (int $pg.port) $database | quote }}
- name: QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE
  value: {{ $pg.sslMode | quote }}
{{- if .jdbc }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%d/%s?sslmode=%s" $pg.host (int $pg.port) $database $pg.sslMode | quote }}
{{- end }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret | quote }}
      key: {{ $pg.usernameKey | quote }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret | quote }}
      key: {{ $pg.passwordKey | quote }}
{{- end }}

{{/*
Environment of a Quarkus service using the external Redis.
Usage: env: {{- include "customk9.env.redis" . | nindent 12 }}
*/}}
{{- define "customk9.env.redis" -}}
{{- $redis := required "global.redis is not set: render services through the customk9 chart" .Values.global.redis -}}
- name: QUARKUS_REDIS_HOSTS
  value: {{ printf "%s://%s:%d" (ternary "rediss" "redis" $redis.tls) $redis.host (int $redis.port) | quote }}
- name: QUARKUS_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $redis.existingSecret | quote }}
      key: {{ $redis.passwordKey | quote }}
{{- end }}

{{/*
Environment of a Quarkus service using the external Kafka. With a SASL protocol the login comes
from global.kafka.existingSecret; the JAAS line only refers to it through $(VAR) expansion.
Usage: env: {{- include "customk9.env.kafka" . | nindent 12 }}
*/}}
{{- define "customk9.env.kafka" -}}
{{- $kafka := required "global.kafka is not set: render services through the customk9 chart" .Values.global.kafka -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $kafka.bootstrapServers | quote }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $kafka.securityProtocol | quote }}
{{- if hasPrefix "SASL_" $kafka.securityProtocol }}
{{- $secret := required "global.kafka.existingSecret is required with a SASL securityProtocol" $kafka.existingSecret }}
{{- $loginModule := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $kafka.saslMechanism "PLAIN") }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $kafka.saslMechanism | quote }}
- name: CUSTOMK9_KAFKA_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret | quote }}
      key: {{ $kafka.usernameKey | quote }}
- name: CUSTOMK9_KAFKA_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret | quote }}
      key: {{ $kafka.passwordKey | quote }}
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(CUSTOMK9_KAFKA_USERNAME)\" password=\"$(CUSTOMK9_KAFKA_PASSWORD)\";" $loginModule | quote }}
{{- end }}
{{- end }}

{{/*
Environment of a Quarkus service calling Odoo as the technical integration user: the odoo.*
config mapping of libs/odoo-client (odoo.url, odoo.database, odoo.integration.login,
odoo.integration.api-key).
Usage: env: {{- include "customk9.env.odoo" . | nindent 12 }}
*/}}
{{- define "customk9.env.odoo" -}}
{{- $odoo := required "global.odoo is not set: render services through the customk9 chart" .Values.global.odoo -}}
- name: ODOO_URL
  value: {{ $odoo.url | quote }}
- name: ODOO_DATABASE
  value: {{ $odoo.database | quote }}
- name: ODOO_INTEGRATION_LOGIN
  value: {{ $odoo.integrationLogin | quote }}
- name: ODOO_INTEGRATION_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $odoo.existingSecret | quote }}
      key: {{ $odoo.apiKeyKey | quote }}
{{- end }}

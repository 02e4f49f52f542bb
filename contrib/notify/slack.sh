#!/bin/sh
# Posts a lifeline notification to a Slack (or Microsoft Teams) incoming webhook.
#   lifeline notify --exec contrib/notify/slack.sh --format slack --digest
#   lifeline notify --exec contrib/notify/slack.sh --format teams      (a Teams webhook URL)
# The webhook's URL is a secret: keep it in the environment, not in the crontab.
: "${WEBHOOK_URL:?set WEBHOOK_URL to the incoming webhook's URL}"
exec curl -sf --max-time 20 --data-binary @- -H 'Content-Type: application/json' \
    -H "X-Lifeline-Notification: $LIFELINE_NOTIFICATION_IDS" "$WEBHOOK_URL"

#!/bin/sh
# Mails lifeline notifications through the local MTA: the message on standard input is
# a whole RFC 5322 message, its headers from --to and --from.
#   lifeline notify --exec contrib/notify/email.sh --format email --digest \
#       --to partners@fund.example --from lifeline@fund.example
exec /usr/sbin/sendmail -t

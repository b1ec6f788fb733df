-- One name per concept: the application form's "requestedBusinessModel" is now "businessModel", as on a partner.
-- Stored forms are rewritten so they read back with the new name.
update partner_application
   set form = ((form::jsonb - 'requestedBusinessModel')
               || jsonb_build_object('businessModel', form::jsonb -> 'requestedBusinessModel'))::text
 where form::jsonb ? 'requestedBusinessModel';
